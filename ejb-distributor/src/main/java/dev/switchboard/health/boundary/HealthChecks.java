package dev.switchboard.health.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerHealth;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.schema.boundary.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The checks of {@link ServerHealth}. No transaction: a check must answer even when the transaction
 * manager or the database does not, and it changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthChecks implements ServerHealth {

  private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());

  /** How long a pooled connection may take to prove itself, in seconds. */
  static final int DATABASE_SECONDS = 2;

  @EJB DistributorDirectory directory;

  @EJB SchemaMigration schema;

  @Resource(lookup = Destinations.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public List<Check> checks() {
    return List.of(broker(), database(), new Check(SCHEMA, schema.problem().orElse(null)));
  }

  @Override
  public Check broker() {
    return new Check(BROKER, directory.messagingProblem().orElse(null));
  }

  private Check database() {
    try (Connection connection = dataSource.getConnection()) {
      return new Check(
          DATABASE,
          connection.isValid(DATABASE_SECONDS)
              ? null
              : "the database did not answer within " + DATABASE_SECONDS + " s");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Health: no database connection", e);
      return new Check(DATABASE, "no connection to the database: " + e.getMessage());
    }
  }
}
