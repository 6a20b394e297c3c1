/**
 * The matcher and its in-memory index of fulfillment server attributes. Decisions read the index,
 * never the whole server table; registrations and load changes keep it current.
 */
package dev.switchboard.matching;
