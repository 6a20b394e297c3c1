/**
 * The REST API: JSON in and out, strict input checking, and errors as RFC 9457 problem documents
 * ({@code application/problem+json}) that also name the field at fault.
 */
package dev.switchboard.console.rest;
