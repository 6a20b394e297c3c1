/**
 * How the tiers talk over the broker: the batch contracts and their JSON codec, the small ports
 * each send sits behind (forwarding, dispatch, status, registration, dead letters), and the parking
 * consumer base every message-driven bean shares. Bodies are JSON, persistent, and sent inside the
 * caller's transaction.
 */
package dev.switchboard.messaging;
