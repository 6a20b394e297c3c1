/**
 * Tier 2: the matching distributors. Each consumes its own queue, matches the tasks of a batch to
 * fulfillment servers and dispatches them; status reports from the servers come back here.
 */
package dev.switchboard.tier2;
