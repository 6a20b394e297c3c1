/**
 * The fulfillment servers a tier-2 distributor owns: their registrations and attribute updates,
 * their liveness (stale, then lost) and their recorded load. It keeps the matching index current.
 */
package dev.switchboard.registry;
