package dev.switchboard.fulfillment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApplicationsTest {

  @Test
  void primesCountsThePrimesBelowN() {
    PrimesApplication primes = new PrimesApplication();
    assertEquals("4", primes.run("10"));
    assertEquals("25", primes.run("100"));
    assertEquals("78498", primes.run("1000000"));
    assertEquals("0", primes.run("2"));
    assertThrows(IllegalArgumentException.class, () -> primes.run("1"));
    assertThrows(IllegalArgumentException.class, () -> primes.run("50000001"));
    assertThrows(IllegalArgumentException.class, () -> primes.run("many"));
  }

  @Test
  void sortSortsNumbers() {
    SortApplication sort = new SortApplication();
    assertEquals("-2,1,1.5,3,10", sort.run("3, 10 1.5,-2 1"));
    assertEquals("", sort.run("  "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sort.run("1,x,2"));
    assertEquals("'x' (item 2) is not a number", e.getMessage());
  }

  @Test
  void matrixIsReproducibleFromItsSeed() {
    MatrixApplication matrix = new MatrixApplication();
    String once = matrix.run("50,7");
    assertEquals(once, matrix.run("50, 7"));
    assertTrue(once.startsWith("n=50 seed=7 trace="), once);
    assertTrue(!once.equals(matrix.run("50,8")));
    assertEquals("n=1 seed=42 trace=", matrix.run("1").substring(0, 18));
    assertThrows(IllegalArgumentException.class, () -> matrix.run("601"));
  }

  @Test
  void matrixOfOnesIsChecked() {
    // for n=2 the product's sum equals sum over k of (column sums of a) x (row sums of b)
    String result = new MatrixApplication().run("2,1");
    assertTrue(result.matches("n=2 seed=1 trace=\\d+\\.\\d{6} sum=\\d+\\.\\d{6}"), result);
  }
}
