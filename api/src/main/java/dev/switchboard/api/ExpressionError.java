package dev.switchboard.api;

import java.io.Serializable;

/**
 * Why an expression was rejected and where.
 *
 * @param field {@code requirements} or {@code rank}
 * @param message what is wrong
 * @param line line of the error, from 1
 * @param column column of the error, from 1
 */
public record ExpressionError(String field, String message, int line, int column)
    implements Serializable {

  /** The message with its position, as a client sees it. */
  public String describe() {
    return field + ": " + message + " (line " + line + ", column " + column + ")";
  }
}
