package dev.switchboard.api;

import static dev.switchboard.api.JsonProviders.JSON;

import jakarta.json.JsonObjectBuilder;

/**
 * The body of every error answer of the REST API: an RFC 9457 problem document, sent as {@value
 * #MEDIA_TYPE}. Its {@code type} is {@code about:blank} (the status says what kind of problem it
 * is), {@code title} the status's phrase, {@code detail} a sentence a person can act on; two
 * members of Switchboard's own: {@code field}, the request field at fault or null (written as null,
 * never left out), and {@code error}, the same sentence as {@code detail} under the name clients
 * before RFC 9457 read.
 *
 * @param status the HTTP status of the answer
 * @param detail what is wrong, and what to do about it
 * @param field the request field at fault, or null
 */
public record Problem(int status, String detail, String field) {

  /** The media type of a problem document (RFC 9457). */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The problem type of every Switchboard answer: the status says which problem it is. */
  public static final String TYPE = "about:blank";

  /** The status's phrase, the document's {@code title}. */
  public String title() {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Server Error" : "Client Error";
    };
  }

  /** The document as JSON text. */
  public String toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("type", TYPE)
            .add("title", title())
            .add("status", status)
            .add("detail", detail == null ? "" : detail);
    if (field == null) {
      json.addNull("field");
    } else {
      json.add("field", field);
    }
    return json.add("error", detail == null ? "" : detail).build().toString();
  }
}
