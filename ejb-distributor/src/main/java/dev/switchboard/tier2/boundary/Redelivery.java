package dev.switchboard.tier2.boundary;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs a rejected message once, on its first delivery, not again on every redelivery. */
final class Redelivery {

  private Redelivery() {}

  static void logFirst(Logger log, Message message, String text) {
    int count = 1;
    try {
      count = message.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException | NumberFormatException e) {
      // the property is optional; treat the message as a first delivery
    }
    log.log(
        count <= 1 ? Level.WARNING : Level.FINE, "{0} (delivery {1})", new Object[] {text, count});
  }
}
