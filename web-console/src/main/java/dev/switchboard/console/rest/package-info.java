/**
 * The REST API: JSON in and out, strict input checking, and errors as {@code {"error", "field"}}
 * bodies.
 */
package dev.switchboard.console.rest;
