/**
 * Stored profiles of users and clients: a user's priority, limits and preferences, a client's
 * location and trust class. The matcher applies them to every decision.
 */
package dev.switchboard.profile;
