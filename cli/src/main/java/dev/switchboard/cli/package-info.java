/**
 * The command-line client: submits tasks and follows them, over remote EJB (IIOP, searching the
 * tier-1 pools in order on each server in turn) or over the REST API.
 */
package dev.switchboard.cli;
