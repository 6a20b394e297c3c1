/**
 * Mapping pieces every entity shares. Kept here so that each tier's entities map the same way on H2
 * and PostgreSQL.
 */
package dev.switchboard.common;
