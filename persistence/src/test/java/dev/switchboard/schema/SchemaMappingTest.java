package dev.switchboard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.account.entity.Account;
import dev.switchboard.deadletter.entity.DeadLetter;
import dev.switchboard.distributor.entity.Distributor;
import dev.switchboard.profile.entity.ClientProfile;
import dev.switchboard.profile.entity.UserProfile;
import dev.switchboard.server.control.ServerLoads;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import dev.switchboard.testing.MigratedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flyway migrations and the entity mappings agree: the schema is built by the migrations alone
 * (as in production, where EclipseLink generates no DDL) and every entity is written and read back
 * through it.
 */
class SchemaMappingTest {

  static final String URL = "jdbc:h2:mem:schema;DB_CLOSE_DELAY=-1";
  static EntityManagerFactory factory;

  @BeforeAll
  static void migrate() {
    factory = MigratedDatabase.open(URL, Map.of());
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      em.close();
    }
  }

  @Test
  void recordedLoadsLeaveTheServerVersionAloneAndNeverGoBelowZero() {
    inTransaction(
        em -> {
          em.persist(new Distributor("tier2-load", 2, 7, "jms/switchboard/tier2-load"));
          em.flush();
          em.persist(new FulfillmentServer("load-1", "tier2-load", 4, Set.of("sha256")));
          em.persist(new FulfillmentServer("load-2", "tier2-load", 4, Set.of("sha256")));
          return null;
        });
    Object before = inTransaction(em -> version(em, "load-1"));
    inTransaction(
        em -> {
          new ServerLoads(em).record(Map.of("load-1", 3, "load-2", -5));
          return null;
        });
    assertEquals(before, inTransaction(em -> version(em, "load-1")), "version untouched");
    assertEquals(Integer.valueOf(3), inTransaction(em -> load(em, "load-1")));
    assertEquals(Integer.valueOf(0), inTransaction(em -> load(em, "load-2")), "never below zero");
    inTransaction(
        em -> {
          new ServerLoads(em).clear("load-1");
          return null;
        });
    assertEquals(Integer.valueOf(0), inTransaction(em -> load(em, "load-1")));
  }

  private static Object version(EntityManager em, String server) {
    return em.createNativeQuery("SELECT VERSION FROM SB_SERVER WHERE NAME = ?")
        .setParameter(1, server)
        .getSingleResult();
  }

  private static Integer load(EntityManager em, String server) {
    return em.createQuery(
            "SELECT s.currentLoad FROM FulfillmentServer s WHERE s.name = :n", Integer.class)
        .setParameter("n", server)
        .getSingleResult();
  }

  @Test
  void aDeadLetterIsWrittenAndReadBackWithItsReasonCut() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    inTransaction(
        em -> {
          em.persist(new DeadLetter("status", "x".repeat(5000), "{not json", 0, now));
          return null;
        });
    DeadLetter read =
        inTransaction(
            em ->
                em.createNamedQuery(DeadLetter.RECENT, DeadLetter.class)
                    .setMaxResults(1)
                    .getSingleResult());
    assertEquals(DeadLetter.REASON_LENGTH, read.getReason().length());
    assertEquals("{not json", read.getBody());
    assertEquals(now, read.getParkedAt());
  }

  @Test
  void aTaskWithItsHistoryIsWrittenAndReadBack() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long id =
        inTransaction(
            em -> {
              Task task = new Task("sha256", "hello", "alice", "cli-1", now);
              task.needs(2, 50, "server.zone == 'a'", "server.power", Map.of("k", "v"));
              task.acceptedBy("FrontPool1", null);
              task.moveTo(TaskState.SUBMITTED, now, Tier.TIER1, "FrontPool1", "accepted");
              task.setServer("local-1");
              task.moveTo(TaskState.ALLOCATED, now.plusMillis(5), Tier.TIER2, "tier2-a", "matched");
              em.persist(task);
              em.flush();
              return task.getId();
            });
    Task read = inTransaction(em -> em.find(Task.class, id));
    assertEquals(TaskState.ALLOCATED, read.getState());
    assertEquals(2, read.getSlots());
    assertEquals("server.power", read.getRank());
    assertEquals(now, read.getSubmittedAt());
    assertEquals(Map.of("k", "v"), read.getAttributes());
    assertEquals(
        "{\"k\":\"v\"}",
        inTransaction(
            em ->
                em.createNativeQuery("SELECT ATTRIBUTES FROM SB_TASK WHERE ID = ?")
                    .setParameter(1, id)
                    .getSingleResult()),
        "the column holds the JSON object it always held");
    assertEquals(
        List.of(TaskState.SUBMITTED, TaskState.ALLOCATED),
        inTransaction(
            em -> em.find(Task.class, id).getEvents().stream().map(e -> e.getState()).toList()));
    assertEquals(true, id > 0, "sequence ids are positive");
  }

  @Test
  void aTaskWithoutAttributesLeavesTheColumnNull() {
    long id =
        inTransaction(
            em -> {
              Instant now = Instant.now();
              Task task = new Task("sha256", "bare", "alice", "cli-1", now);
              task.moveTo(TaskState.SUBMITTED, now, Tier.TIER1, "FrontPool1", "accepted");
              em.persist(task);
              em.flush();
              return task.getId();
            });
    assertEquals(Map.of(), inTransaction(em -> em.find(Task.class, id)).getAttributes());
    assertNull(
        inTransaction(
            em ->
                em.createNativeQuery("SELECT ATTRIBUTES FROM SB_TASK WHERE ID = ?")
                    .setParameter(1, id)
                    .getSingleResult()));
  }

  @Test
  void serversDistributorsAndProfilesAreWrittenAndReadBack() {
    inTransaction(
        em -> {
          em.persist(new Distributor("tier2-a", 2, 1, "jms/switchboard/tier2-a"));
          return null;
        });
    inTransaction(
        em -> {
          FulfillmentServer server =
              new FulfillmentServer("s-1", "tier2-a", 4, Set.of("sha256", "sort"));
          server.replaceAttributes(Map.of("gpu", "\"a100\""));
          em.persist(server);
          em.persist(new Distributor("FrontPool9", 1, 9, null));
          UserProfile user = new UserProfile("zoe");
          user.update(
              3, 2, List.of("zone-b", "zone-a"), Map.of("zone", 200.0), Map.of("team", "\"ml\""));
          em.persist(user);
          ClientProfile client = new ClientProfile("lab-1");
          client.update("zone-a", "internal", Map.of());
          em.persist(client);
          return null;
        });
    FulfillmentServer server =
        inTransaction(
            em ->
                em.createNamedQuery(FulfillmentServer.BY_NAME, FulfillmentServer.class)
                    .setParameter("name", "s-1")
                    .getSingleResult());
    assertEquals(Set.of("sha256", "sort"), server.getApplications());
    assertEquals("\"a100\"", server.getAttributes().get("gpu"));
    UserProfile user = inTransaction(em -> em.find(UserProfile.class, "zoe"));
    assertEquals(List.of("zone-b", "zone-a"), user.getPreferredZones());
    assertEquals(200.0, user.getWeights().get("zone"));
    assertEquals(
        "internal", inTransaction(em -> em.find(ClientProfile.class, "lab-1")).getTrustClass());
  }

  @Test
  void anAccountWithItsRolesIsWrittenAndReadBack() {
    inTransaction(
        em -> {
          em.persist(
              new Account(
                  "olga",
                  "PBKDF2WithHmacSHA256:10:c2FsdA==:aGFzaA==",
                  Set.of("operator"),
                  Instant.now()));
          return null;
        });
    Account read = inTransaction(em -> em.find(Account.class, "olga"));
    assertEquals(Set.of("operator"), read.getRoles());
    assertEquals("PBKDF2WithHmacSHA256:10:c2FsdA==:aGFzaA==", read.getPasswordHash());
  }
}
