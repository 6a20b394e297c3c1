/**
 * Switchboard's client API: the views of the distributor EJBs, the DTOs they take and return, the
 * contracts of the JMS messages between tiers and every JNDI and JMS name. Shipped as the
 * ejb-client jar, which the EAR puts in lib/ and remote clients put on their class path.
 */
package dev.switchboard.api;
