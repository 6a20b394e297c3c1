package dev.switchboard.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A database of one test: H2 in memory, built by the Flyway migrations alone, and the persistence
 * unit over it as persistence/'s {@link MigratedDatabase} opens it. {@link #em} is the beans'
 * entity manager; {@link #commit} and {@link #rollback} end its transaction and tell {@link
 * #transactions}, then clear it, as the container's transaction-scoped context would be.
 */
public final class TestDatabase implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String url;
  private final EntityManagerFactory factory;

  /** The entity manager to give the beans under test. */
  public final EntityManager em;

  /** The transaction registry to give the beans under test. */
  public final TestTransactions transactions = new TestTransactions();

  public TestDatabase() {
    url = "jdbc:h2:mem:unit-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    factory = MigratedDatabase.open(url, Map.of("eclipselink.logging.level", "SEVERE"));
    em = factory.createEntityManager();
  }

  public void begin() {
    em.getTransaction().begin();
  }

  public void commit() {
    em.getTransaction().commit();
    transactions.end(true);
    em.clear();
  }

  public void rollback() {
    em.getTransaction().rollback();
    transactions.end(false);
    em.clear();
  }

  /** Runs {@code work} in a transaction of its own on {@link #em}, and commits. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    begin();
    T result = work.apply(em);
    commit();
    return result;
  }

  /** Runs {@code work} in a transaction of its own on {@link #em}, and commits. */
  public void run(Runnable work) {
    begin();
    work.run();
    commit();
  }

  /** Reads what the database holds, on an entity manager of its own. */
  public <T> T read(Function<EntityManager, T> query) {
    EntityManager reader = factory.createEntityManager();
    try {
      return query.apply(reader);
    } finally {
      reader.close();
    }
  }

  @Override
  public void close() {
    if (em.getTransaction().isActive()) {
      em.getTransaction().rollback();
    }
    em.close();
    factory.close();
    try (var connection = DriverManager.getConnection(url, "sa", "")) {
      connection.createStatement().execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop " + url, e);
    }
  }
}
