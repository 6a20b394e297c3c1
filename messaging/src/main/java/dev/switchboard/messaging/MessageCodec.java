package dev.switchboard.messaging;

import dev.switchboard.api.MalformedMessageException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.InvocationTargetException;

/**
 * Turns message contracts into JSON text bodies and back. JSON rather than Java serialization, so
 * that any broker client can read them and no class is instantiated from a message.
 */
public final class MessageCodec {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private MessageCodec() {}

  public static String toJson(Object body) {
    return JSONB.toJson(body);
  }

  /**
   * Reads the contract a JMS message carries.
   *
   * @throws MalformedMessageException if it is not a text message holding a valid body
   */
  public static <T> T read(Message message, Class<T> type) {
    if (!(message instanceof TextMessage text)) {
      throw new MalformedMessageException(
          "expected a text message holding a " + type.getSimpleName() + ", got " + message);
    }
    try {
      return fromJson(text.getText(), type);
    } catch (JMSException e) {
      throw new MalformedMessageException("unreadable message body: " + e.getMessage(), e);
    }
  }

  /**
   * @throws MalformedMessageException if the text is not a valid body of that type
   */
  public static <T> T fromJson(String text, Class<T> type) {
    if (text == null || text.isBlank()) {
      throw new MalformedMessageException("empty message body, expected " + type.getSimpleName());
    }
    try {
      T body = JSONB.fromJson(text, type);
      if (body == null) {
        throw new MalformedMessageException("null message body, expected " + type.getSimpleName());
      }
      return body;
    } catch (JsonbException | JsonException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof MalformedMessageException malformed) {
          throw malformed;
        }
        if (cause instanceof InvocationTargetException call
            && call.getCause() instanceof IllegalArgumentException refused) {
          // a contract's constructor refused a value: its message names the field and why, where
          // JSON-B's says only that the constructor threw
          throw new MalformedMessageException(
              "not a valid " + type.getSimpleName() + ": " + refused.getMessage(), e);
        }
      }
      throw new MalformedMessageException(
          "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
