package dev.switchboard.api;

/**
 * A JMS message whose body is not what its destination expects. The consumer lets the transaction
 * roll back, so the broker redelivers it and finally moves it to the dead-letter queue.
 */
public class MalformedMessageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message) {
    super(message);
  }

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
