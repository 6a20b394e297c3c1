/**
 * Who may do what: the identity store over the account table, one authentication mechanism for the
 * console (a sign-in form and a session) and the API (HTTP Basic on every request), and the role
 * checks of the API.
 */
package dev.switchboard.console.security;
