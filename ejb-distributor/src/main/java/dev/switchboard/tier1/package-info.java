/**
 * Tier 1: the front distributor pools. Clients search them in order; the pool that accepts a task
 * persists it and forwards it, unread, to tier 2.
 */
package dev.switchboard.tier1;
