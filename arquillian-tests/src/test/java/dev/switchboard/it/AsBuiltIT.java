package dev.switchboard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * Integration tests of the EAR exactly as the build made it, driven from outside the server (REST,
 * IIOP, the broker, the browser, processes).
 */
abstract class AsBuiltIT extends IntegrationTest {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.switchboard();
  }
}
