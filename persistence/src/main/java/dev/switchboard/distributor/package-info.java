/**
 * Registrations of the distributors of both tiers: tier-1 pools and tier-2 matching distributors,
 * with their search order and operating state.
 */
package dev.switchboard.distributor;
