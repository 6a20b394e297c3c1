/**
 * The fulfillment worker node: the fulfillment beans of {@code jms-fulfillment} on Payara Micro,
 * reaching the main server's broker through OpenMQ's resource adapter, with the JMS resources they
 * need defined here and an application only workers have.
 */
package dev.switchboard.worker;
