/**
 * Accounts of the people and programs that use Switchboard: a name, a PBKDF2 password hash and the
 * roles {@code admin}, {@code operator} and {@code viewer}. The console, the REST API and the
 * remote EJB interfaces authenticate against these rows.
 */
package dev.switchboard.account;
