/**
 * User and client profiles as the matcher and the REST API use them: validated, stored, and kept in
 * memory for every decision.
 */
package dev.switchboard.profile;
