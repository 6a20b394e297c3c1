/**
 * The server's health: whether its broker connections, database and schema let it take tasks, asked
 * afresh on each call by the health endpoints (MicroProfile Health and {@code /api/health}).
 */
package dev.switchboard.health;
