package dev.switchboard.console.rest;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * The body of every error answer: what is wrong and, where one field is to blame, which.
 *
 * @param error a sentence a person can act on
 * @param field the request field at fault, or null (written as null, never left out)
 */
@JsonbNillable
public record ApiError(String error, String field) {}
