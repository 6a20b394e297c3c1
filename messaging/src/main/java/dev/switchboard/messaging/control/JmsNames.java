package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the JMS objects of a fulfillment node by name at run time. In the main server they are its
 * server resources ({@link Destinations}); a worker node defines its own over OpenMQ's resource
 * adapter under {@code java:app/} and says so with the system properties {@code
 * switchboard.jms.prefix} and {@code switchboard.jms.factory}.
 */
public final class JmsNames {

  public static final String PREFIX_PROPERTY = "switchboard.jms.prefix";
  public static final String FACTORY_PROPERTY = "switchboard.jms.factory";

  private JmsNames() {}

  /** The connection factory of this node. */
  public static <T> T factory(Class<T> type) {
    return lookup(System.getProperty(FACTORY_PROPERTY, Destinations.CONNECTION_FACTORY), type);
  }

  /** A destination of {@link Destinations} as this node binds it. */
  public static <T> T destination(String name, Class<T> type) {
    return lookup(System.getProperty(PREFIX_PROPERTY, "") + name, type);
  }

  private static <T> T lookup(String name, Class<T> type) {
    try {
      return type.cast(new InitialContext().lookup(name));
    } catch (NamingException e) {
      throw new IllegalStateException(name + " is not bound on this node", e);
    }
  }
}
