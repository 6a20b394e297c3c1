package dev.switchboard.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  final Admission admission = new Admission();

  @Test
  void aPoolRefusesPastItsLimitAndAdmitsAgainWhenOneLeaves() {
    assertEquals(Optional.empty(), admission.enter("test-pool", 2));
    assertEquals(Optional.empty(), admission.enter("test-pool", 2));
    assertEquals(
        Optional.of("over its admission limit (2 submissions in flight)"),
        admission.enter("test-pool", 2));
    assertEquals(2, admission.inFlight("test-pool"));
    admission.leave("test-pool");
    assertEquals(Optional.empty(), admission.enter("test-pool", 2));
    admission.leave("test-pool");
    admission.leave("test-pool");
    assertEquals(0, admission.inFlight("test-pool"));
  }

  @Test
  void zeroMeansNoLimit() {
    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.empty(), admission.enter("unlimited", 0));
    }
    assertEquals(100, admission.inFlight("unlimited"));
  }

  @Test
  void eachPoolHasItsOwnCount() {
    assertEquals(Optional.empty(), admission.enter("pool-a", 1));
    assertEquals(Optional.empty(), admission.enter("pool-b", 1));
    assertEquals(1, admission.inFlight("pool-a"));
    assertEquals(0, admission.inFlight("nowhere"));
  }
}
