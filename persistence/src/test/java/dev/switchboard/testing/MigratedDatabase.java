package dev.switchboard.testing;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The persistence unit over an H2 database that the Flyway migrations alone built, as in
 * production, where EclipseLink generates no DDL: how the tests of this module and of the beans
 * (through this module's test jar) open it.
 */
public final class MigratedDatabase {

  private MigratedDatabase() {}

  /**
   * Migrates the database at {@code url} (user {@code sa}, no password) and opens the unit over it
   * with local transactions.
   *
   * @param more further persistence properties, e.g. a logging level
   */
  public static EntityManagerFactory open(String url, Map<String, String> more) {
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Map<String, String> properties =
        new HashMap<>(
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "eclipselink.ddl-generation", "none"));
    properties.putAll(more);
    return Persistence.createEntityManagerFactory("switchboard", properties);
  }
}
