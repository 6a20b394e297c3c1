package dev.switchboard.console.rest;

/** A request the API rejects with 400, naming the field at fault. */
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidRequestException(String message, String field) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
