/**
 * Tier 1, where a task enters: the front distributor pools. Clients search them in order; the pool
 * that accepts a task checks and persists it and forwards it, unread, to a tier-2 distributor.
 */
package dev.switchboard.intake;
