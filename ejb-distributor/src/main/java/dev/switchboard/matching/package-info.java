/**
 * Tier 2: the matching distributors. Each consumes its own queue and matches the tasks of a batch
 * to fulfillment servers through its in-memory index of their attributes, then dispatches them.
 * Decisions read the index, never the whole server table; tasks no server can take now wait here.
 */
package dev.switchboard.matching;
