/**
 * The server's MicroProfile Health checks, served by Payara at {@code /health/ready} and {@code
 * /health/live} (open, for load balancers and orchestrators): both ask the one {@link
 * dev.switchboard.api.ServerHealth} that {@code GET /api/health} asks too.
 */
package dev.switchboard.console.health;
