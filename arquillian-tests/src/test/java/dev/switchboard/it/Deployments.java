package dev.switchboard.it;

import dev.switchboard.it.ledger.Ledger;
import dev.switchboard.it.ledger.LedgerApplication;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.container.ClassContainer;
import org.jboss.shrinkwrap.api.container.ResourceContainer;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the deployments of the integration tests: the real Switchboard EAR as the build made it,
 * optionally with test classes (and the libraries they use in the server) added to its lib/, or
 * with the test-only ledger application added to its fulfillment module; and the worker's WAR with
 * that application.
 */
final class Deployments {

  static final String WAR = "web-console.war";
  static final String FULFILLMENT = "jms-fulfillment.jar";

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
   * The EAR with the ledger application ({@link LedgerApplication}) in its fulfillment module,
   * where the fulfillment beans find it like the built-in applications (a class in lib/ could not
   * see the module's SPI), writing to {@link Ledger#folder()}.
   */
  static EnterpriseArchive switchboardWithLedger() {
    EnterpriseArchive ear = switchboard();
    JavaArchive fulfillment = withLedger(ear.getAsType(JavaArchive.class, FULFILLMENT));
    ear.delete(FULFILLMENT);
    ear.addAsModule(fulfillment);
    return ear;
  }

  /**
   * The worker's WAR as the build made it, with the ledger application in its classes, written as
   * {@code switchboard-worker-ledger.war} into the folder given.
   */
  static Path workerWithLedger(Path folder) {
    Path built =
        Path.of(
            System.getProperty("switchboard.root"), "worker", "target", "switchboard-worker.war");
    if (!built.toFile().isFile()) {
      throw new IllegalStateException("no worker WAR at " + built + " (build the worker module)");
    }
    Path war = folder.resolve("switchboard-worker-ledger.war");
    withLedger(ShrinkWrap.createFromZipFile(WebArchive.class, built.toFile()))
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    return war;
  }

  private static <T extends Archive<T> & ClassContainer<T> & ResourceContainer<T>> T withLedger(
      T archive) {
    archive.addClass(LedgerApplication.class);
    archive.addAsResource(
        new StringAsset(Ledger.folder().toString()),
        LedgerApplication.class.getPackageName().replace('.', '/')
            + "/"
            + LedgerApplication.FOLDER_RESOURCE);
    return archive;
  }

  /**
   * The EAR with test classes in its lib/, for tests that run inside the server, together with the
   * jars that hold the given library classes (e.g. Awaitility). The tests' base class, the REST
   * client and the dead-letter watch come along.
   */
  static EnterpriseArchive switchboardWith(Class<?>[] testClasses, Class<?>... libraries) {
    EnterpriseArchive ear = openTestRunner(switchboard());
    ear.addAsLibrary(
        ShrinkWrap.create(JavaArchive.class, "switchboard-it.jar")
            .addClasses(testClasses)
            .addClasses(
                IntegrationTest.class,
                FailureDiagnostics.class,
                ApiClient.class,
                DeadLetterWatch.class));
    for (Class<?> library : libraries) {
      ear.addAsLibrary(jarOf(library));
    }
    return ear;
  }

  /**
   * Arquillian runs in-server tests through its servlet, which it adds to the EAR's web module; the
   * console protects every path there, so the test deployment (only it) leaves the runner open.
   */
  private static EnterpriseArchive openTestRunner(EnterpriseArchive ear) {
    WebArchive war = ear.getAsType(WebArchive.class, WAR);
    String webXml;
    try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
      webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String open = "<url-pattern>/api/health</url-pattern>";
    if (!webXml.contains(open)) {
      throw new IllegalStateException("web.xml no longer opens " + open);
    }
    war.setWebXML(
        new StringAsset(
            webXml.replace(
                open,
                open
                    + "<url-pattern>/ArquillianServletRunner</url-pattern>"
                    + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>")));
    ear.delete(WAR);
    ear.addAsModule(war);
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
