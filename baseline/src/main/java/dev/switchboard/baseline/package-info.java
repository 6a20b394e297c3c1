/**
 * The plain baseline of the end-to-end load benchmark: the simplest JMS task pipeline, to compare
 * Switchboard against. A REST call stores tasks and sends one message per task to one queue, in one
 * transaction; a single message-driven bean takes one task per message and marks it done in the
 * message's transaction. Deployed on its own by {@code scripts/baseline}, never in the EAR.
 *
 * <p>No security constraints: the WAR runs only in the benchmark's local domain (port 29080), and
 * authentication would be cost Switchboard's figures do not carry on the same path either way.
 */
package dev.switchboard.baseline;
