package dev.switchboard.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A fulfillment server and its attributes as clients and the console see them. */
public record ServerView(
    String name,
    String tier2,
    String state,
    int slots,
    int load,
    Set<String> applications,
    double computingPower,
    double idlePower,
    Instant idlePowerMeasuredAt,
    String zone,
    Map<String, Object> attributes,
    Instant lastHeardAt)
    implements Serializable {}
