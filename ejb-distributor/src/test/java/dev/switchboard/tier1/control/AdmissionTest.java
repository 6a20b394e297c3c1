package dev.switchboard.tier1.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void aPoolRefusesPastItsLimitAndAdmitsAgainWhenOneLeaves() {
    assertNull(Admission.enter("test-pool", 2));
    assertNull(Admission.enter("test-pool", 2));
    assertEquals(
        "over its admission limit (2 submissions in flight)", Admission.enter("test-pool", 2));
    assertEquals(2, Admission.inFlight("test-pool"));
    Admission.leave("test-pool");
    assertNull(Admission.enter("test-pool", 2));
    Admission.leave("test-pool");
    Admission.leave("test-pool");
    assertEquals(0, Admission.inFlight("test-pool"));
  }

  @Test
  void zeroMeansNoLimit() {
    for (int i = 0; i < 100; i++) {
      assertNull(Admission.enter("unlimited", 0));
    }
    assertEquals(100, Admission.inFlight("unlimited"));
  }
}
