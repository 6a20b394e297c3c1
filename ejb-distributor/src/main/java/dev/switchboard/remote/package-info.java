/**
 * What remote (IIOP) clients see of the server's failures: application exceptions pass as they are,
 * anything else reaches the client as a {@link dev.switchboard.api.ServerFailureException} naming
 * an id, while the server logs the original under that id.
 */
package dev.switchboard.remote;
