package dev.switchboard.it;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Builds the deployments of the integration tests: the real Switchboard EAR as the build made it,
 * optionally with test classes (and the libraries they use in the server) added to its lib/.
 */
final class Deployments {

  private Deployments() {}

  /** The EAR the {@code ear} module built, as it is deployed in production. */
  static EnterpriseArchive switchboard() {
    String path = System.getProperty("switchboard.ear");
    if (path == null || !new File(path).isFile()) {
      throw new IllegalStateException(
          "system property switchboard.ear must name the built EAR (set by Failsafe), got " + path);
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
  }

  /**
   * The EAR with test classes in its lib/, for tests that run inside the server, together with the
   * jars that hold the given library classes (e.g. Awaitility).
   */
  static EnterpriseArchive switchboardWith(Class<?>[] testClasses, Class<?>... libraries) {
    EnterpriseArchive ear = switchboard();
    ear.addAsLibrary(
        ShrinkWrap.create(JavaArchive.class, "switchboard-it.jar").addClasses(testClasses));
    for (Class<?> library : libraries) {
      ear.addAsLibrary(jarOf(library));
    }
    return ear;
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the jar of " + type, e);
    }
  }
}
