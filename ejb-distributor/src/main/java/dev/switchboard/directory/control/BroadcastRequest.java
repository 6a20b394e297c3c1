package dev.switchboard.directory.control;

/**
 * An operator asked for the tier-2 distributors' attributes to be broadcast now, not at the next
 * heartbeat. Fired by the directory, observed by whichever part of this server broadcasts them.
 */
public record BroadcastRequest() {}
