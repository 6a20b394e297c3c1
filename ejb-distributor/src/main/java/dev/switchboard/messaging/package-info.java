/**
 * The one way Switchboard's components put messages on the broker: JSON bodies, persistent, inside
 * the caller's transaction.
 */
package dev.switchboard.messaging;
