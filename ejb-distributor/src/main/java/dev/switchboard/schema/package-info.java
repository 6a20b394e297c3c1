/**
 * The database schema's versions: Flyway migrations in {@code db/migration} of the persistence
 * module, applied at start before any component reads a table, the same on H2 and PostgreSQL.
 */
package dev.switchboard.schema;
