package dev.switchboard.worker;

import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;

/**
 * The JMS resources of a worker node, defined over OpenMQ's resource adapter ({@code imqjmsra},
 * configured with the broker's address when the worker starts). The physical names are those of the
 * main server's destinations ({@code scripts/domain.sh}); WEB-INF/ejb-jar.xml points the
 * fulfillment beans at these names.
 */
@JMSConnectionFactoryDefinition(
    name = WorkerResources.FACTORY,
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.ConnectionFactory")
@JMSDestinationDefinition(
    name = "java:app/jms/switchboard/dispatch",
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "SwitchboardDispatch")
@JMSDestinationDefinition(
    name = "java:app/jms/switchboard/status",
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "SwitchboardStatus")
@JMSDestinationDefinition(
    name = "java:app/jms/switchboard/registration",
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "SwitchboardRegistration")
@JMSDestinationDefinition(
    name = "java:app/jms/switchboard/dead-letters",
    resourceAdapter = WorkerResources.ADAPTER,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "SwitchboardDeadLetters")
public final class WorkerResources {

  static final String ADAPTER = "imqjmsra";
  static final String FACTORY = "java:app/jms/switchboard/factory";

  private WorkerResources() {}
}
