package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the JMS objects of a fulfillment node by name at run time. In the main server they are its
 * server resources ({@link Destinations}); a worker node defines its own over OpenMQ's resource
 * adapter under {@code java:app/} and says so with the settings {@link #PREFIX_PROPERTY} and {@link
 * #FACTORY_PROPERTY}.
 */
@ApplicationScoped
public class JmsNames {

  /** Setting: what this node puts before every destination name of {@link Destinations}. */
  public static final String PREFIX_PROPERTY = "switchboard.jms.prefix";

  /** Setting: the JNDI name of this node's connection factory. */
  public static final String FACTORY_PROPERTY = "switchboard.jms.factory";

  @Inject
  @ConfigProperty(name = PREFIX_PROPERTY)
  Optional<String> prefix;

  @Inject
  @ConfigProperty(name = FACTORY_PROPERTY, defaultValue = Destinations.CONNECTION_FACTORY)
  String factory;

  /** The connection factory of this node. */
  public <T> T factory(Class<T> type) {
    return lookup(factory, type);
  }

  /** A destination of {@link Destinations} as this node binds it. */
  public <T> T destination(String name, Class<T> type) {
    return lookup(prefix.orElse("") + name, type);
  }

  private static <T> T lookup(String name, Class<T> type) {
    try {
      return type.cast(new InitialContext().lookup(name));
    } catch (NamingException e) {
      throw new IllegalStateException(name + " is not bound on this node", e);
    }
  }
}
