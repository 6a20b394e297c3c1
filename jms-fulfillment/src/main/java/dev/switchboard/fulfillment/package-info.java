/**
 * Fulfillment servers: message-driven beans that run allocated tasks through the {@code
 * TaskApplication} SPI and report the outcome to tier 2, and the local servers this node registers
 * at start.
 */
package dev.switchboard.fulfillment;
