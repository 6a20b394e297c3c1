package dev.switchboard.worker;

import dev.switchboard.fulfillment.control.TaskApplication;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code reverse}: the input backwards. Only worker nodes have it. */
@ApplicationScoped
public class ReverseApplication implements TaskApplication {

  @Override
  public String name() {
    return "reverse";
  }

  @Override
  public String inputs() {
    return "any text";
  }

  @Override
  public String run(String input) {
    return new StringBuilder(input).reverse().toString();
  }
}
