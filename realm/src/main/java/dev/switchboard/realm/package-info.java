/**
 * The {@code switchboard} security realm of Payara: authenticates callers of the remote EJB
 * interfaces (IIOP, CSIv2 user name and password) against the same account rows and PBKDF2 hashes
 * as the console and the REST API, and gives them their roles as groups.
 */
package dev.switchboard.realm;
