/** Backing beans of the Faces console, each named after its view. */
package dev.switchboard.console.view;
