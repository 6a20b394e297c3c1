package dev.switchboard.worker;

import dev.switchboard.api.Destinations;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;

/**
 * The JMS resources of a worker node, defined over OpenMQ's resource adapter ({@code imqjmsra},
 * configured with the broker's address when the worker starts). The physical names are those of the
 * main server's destinations ({@link Destinations}); WEB-INF/ejb-jar.xml points the fulfillment
 * beans at these names.
 */
@JMSConnectionFactoryDefinition(
    name = WorkerResources.FACTORY,
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.ConnectionFactory")
@JMSDestinationDefinition(
    name = WorkerResources.PREFIX + Destinations.DISPATCH,
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = Destinations.DISPATCH_PHYSICAL)
@JMSDestinationDefinition(
    name = WorkerResources.PREFIX + Destinations.STATUS,
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = Destinations.STATUS_PHYSICAL)
@JMSDestinationDefinition(
    name = WorkerResources.PREFIX + Destinations.REGISTRATION,
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = Destinations.REGISTRATION_PHYSICAL)
@JMSDestinationDefinition(
    name = WorkerResources.PREFIX + Destinations.DEAD_LETTERS,
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = Destinations.DEAD_LETTERS_PHYSICAL)
public final class WorkerResources {

  static final String ADAPTER = "imqjmsra";

  /** Where a worker binds what the main server has as server resources. */
  static final String PREFIX = "java:app/";

  static final String FACTORY = PREFIX + "jms/switchboard/factory";

  private WorkerResources() {}
}
