/**
 * Fulfillment servers and their attributes, as registered with a tier-2 distributor. The matcher
 * reads them; registration and attribute updates write them.
 */
package dev.switchboard.server;
