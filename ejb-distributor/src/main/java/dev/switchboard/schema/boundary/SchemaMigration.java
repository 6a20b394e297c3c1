package dev.switchboard.schema.boundary;

import dev.switchboard.api.Destinations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects before anything reads it; the other
 * startup beans depend on it. Migrations run in their own transactions, so this bean manages none.
 * A database created before migrations existed is taken as version 1.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = Destinations.DATA_SOURCE)
  DataSource dataSource;

  private Flyway flyway;

  @PostConstruct
  void migrate() {
    flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion == null
                    ? result.initialSchemaVersion
                    : result.targetSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
  }

  /**
   * Why the schema is not the one this build expects (migrations pending, e.g. the database was
   * replaced under the running server, or its history cannot be read), or empty.
   */
  public Optional<String> problem() {
    try {
      int pending = flyway.info().pending().length;
      return pending == 0
          ? Optional.empty()
          : Optional.of(
              pending + " schema migrations are pending; restart the server to apply them");
    } catch (RuntimeException e) {
      return Optional.of("the schema's history cannot be read: " + e.getMessage());
    }
  }
}
