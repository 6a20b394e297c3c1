/**
 * The web face of Switchboard: the REST API under {@code /switchboard/api} and the Faces console
 * under {@code /switchboard/}. Both reach tier 1 through the same sequential pool search.
 */
package dev.switchboard.console;
