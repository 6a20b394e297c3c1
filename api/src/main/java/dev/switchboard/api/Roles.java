package dev.switchboard.api;

import java.util.Set;

/**
 * The three roles of Switchboard. An {@code admin} may do everything; an {@code operator} submits,
 * cancels and resubmits tasks and drains, disables and enables servers and distributors; a {@code
 * viewer} only reads. An account holds one or more of them; checks name every role allowed.
 */
public final class Roles {

  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";
  public static final String VIEWER = "viewer";

  /** Every role, for validation. */
  public static final Set<String> ALL = Set.of(ADMIN, OPERATOR, VIEWER);

  private Roles() {}
}
