package dev.switchboard.api;

import java.util.List;

/** Every tier-1 pool in the search order refused or failed; the task was not created. */
public class NoPoolAcceptedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> attempts;

  public NoPoolAcceptedException(List<String> attempts) {
    super("no tier-1 pool accepted the task: " + String.join("; ", attempts));
    this.attempts = List.copyOf(attempts);
  }

  public List<String> attempts() {
    return attempts;
  }
}
