package dev.switchboard.api;

import java.io.Serializable;
import java.time.Instant;

/** One transition of a task: state entered, when, where and why. */
public record TaskEventView(
    String state, Instant at, String tier, String distributor, String server, String reason)
    implements Serializable {}
