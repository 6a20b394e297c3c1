package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.FrontDistributor;
import dev.switchboard.api.PoolRefusedException;
import dev.switchboard.api.PoolSearch;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Runs inside the server and calls the tier-1 pools as EJBs, looked up by their portable JNDI
 * names: a task submitted through a pool completes; the pool search fails over from a disabled
 * pool; a broadcast reaches every pool well before the periodic heartbeat would; a disabled pool
 * refuses and leaves nothing behind.
 */
class FrontDistributorIT extends IntegrationTest {

  static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWith(
        new Class<?>[] {FrontDistributorIT.class}, Awaitility.class, Matcher.class);
  }

  static <T> T lookup(String name, Class<T> type) throws NamingException {
    return type.cast(new InitialContext().lookup(name));
  }

  static FrontDistributor pool(String name) {
    try {
      return lookup(Destinations.poolJndiName(name), FrontDistributor.class);
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
  }

  static TaskQueries tasks() throws NamingException {
    return lookup(
        "java:global/switchboard/ejb-distributor/TaskHistory!" + TaskQueries.class.getName(),
        TaskQueries.class);
  }

  static DistributorAdmin admin() throws NamingException {
    return lookup(
        "java:global/switchboard/ejb-distributor/DistributorDirectory!"
            + DistributorAdmin.class.getName(),
        DistributorAdmin.class);
  }

  static TaskView awaitCompleted(TaskQueries tasks, long id) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> tasks.find(id).orElseThrow(), t -> t.state().equals("COMPLETED"));
  }

  @Test
  void aTaskSubmittedToAPoolEjbCompletes() throws Exception {
    TaskReceipt receipt =
        pool("FrontPool2")
            .submit(new TaskRequest("sha256", "hello", "erin", "ejb-client"), List.of());
    assertEquals("FrontPool2", receipt.pool());
    TaskView task = awaitCompleted(tasks(), receipt.id());
    assertEquals(HELLO_SHA256, task.result());
    assertEquals("ejb-client", task.client());
  }

  @Test
  void thePoolSearchFailsOverFromADisabledPool() throws Exception {
    DistributorAdmin admin = admin();
    admin.changeState("FrontPool1", "DISABLED");
    try {
      PoolSearch search =
          new PoolSearch(List.of("FrontPool1", "FrontPool2"), FrontDistributorIT::pool);
      TaskReceipt receipt = search.submit(new TaskRequest("sha256", "hello", "frank", "ejb"));
      assertEquals("FrontPool2", receipt.pool());
      assertEquals(List.of("FrontPool1: pool is disabled"), receipt.skipped());
      assertEquals(
          "FrontPool1: pool is disabled", awaitCompleted(tasks(), receipt.id()).skippedPools());
    } finally {
      admin.changeState("FrontPool1", "UP");
    }
  }

  @Test
  void aBroadcastAskedForReachesEveryTier1Pool() throws Exception {
    DistributorAdmin admin = admin();
    Instant heard =
        askedBroadcastHeard(() -> lastAskedAt("FrontPool1", "tier2-a"), admin::broadcastNow);
    for (String pool : List.of("FrontPool1", "FrontPool2")) {
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  pool(pool).tier2().stream()
                      .allMatch(d -> d.lastAskedAt() != null && !d.lastAskedAt().isBefore(heard)));
      assertEquals(2, pool(pool).tier2().size());
    }
  }

  /** When the newest asked-for status the pool heard from the tier-2 distributor was measured. */
  static Instant lastAskedAt(String pool, String tier2) {
    return pool(pool).tier2().stream()
        .filter(d -> d.name().equals(tier2))
        .findFirst()
        .orElseThrow()
        .lastAskedAt();
  }

  @Test
  void aDisabledPoolRefusesAndPersistsNothing() throws Exception {
    TaskQueries tasks = tasks();
    long newest = tasks.recent(1).stream().mapToLong(TaskView::id).findFirst().orElse(0);
    DistributorAdmin admin = admin();
    admin.changeState("FrontPool2", "DISABLED");
    try {
      PoolRefusedException refused =
          assertThrows(
              PoolRefusedException.class,
              () ->
                  pool("FrontPool2")
                      .submit(new TaskRequest("sha256", "x", "gina", "ejb"), List.of()));
      assertEquals("pool is disabled", refused.getMessage());
      assertEquals(newest, tasks.recent(1).stream().mapToLong(TaskView::id).findFirst().orElse(0));
    } finally {
      admin.changeState("FrontPool2", "UP");
    }
  }
}
