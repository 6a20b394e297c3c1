package dev.switchboard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * Integration tests of the EAR the build made with the test-only ledger application added (see
 * {@link Deployments#switchboardWithLedger}), driven from outside the server: the fault tests,
 * whose tasks run {@code ledger} so that the runs a fault hit, cut short or repeated can be
 * counted.
 */
abstract class LedgerIT extends IntegrationTest {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWithLedger();
  }
}
