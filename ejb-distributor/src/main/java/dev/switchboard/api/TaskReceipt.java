package dev.switchboard.api;

import java.io.Serializable;
import java.util.List;

/**
 * What a tier-1 pool answers when it accepts a task.
 *
 * @param id the task's id
 * @param state the state at acceptance, {@code SUBMITTED}
 * @param pool the pool that accepted it
 * @param skipped the pools tried before it, each with the reason it refused
 * @param tier2 the tier-2 distributor the task was queued for
 */
public record TaskReceipt(long id, String state, String pool, List<String> skipped, String tier2)
    implements Serializable {}
