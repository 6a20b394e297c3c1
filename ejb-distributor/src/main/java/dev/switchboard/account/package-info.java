/**
 * Accounts and their passwords: creating, changing and deleting them, and creating the first
 * administrator when the database has no account at all.
 */
package dev.switchboard.account;
