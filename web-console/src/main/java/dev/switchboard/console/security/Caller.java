package dev.switchboard.console.security;

import dev.switchboard.api.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * The signed-in caller as pages see it: the name, and which actions to offer. Offering is only
 * courtesy; every action checks the role again on the server.
 */
@Named
@RequestScoped
public class Caller {

  @Inject SecurityContext security;

  public String getName() {
    Principal principal = security.getCallerPrincipal();
    return principal == null ? "" : principal.getName();
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Roles.ADMIN);
  }

  /** May submit, cancel, resubmit, drain, disable and enable. */
  public boolean isOperator() {
    return isAdmin() || security.isCallerInRole(Roles.OPERATOR);
  }

  /** Refuses an action the caller's roles do not allow. */
  public void requireOperator() {
    if (!isOperator()) {
      throw new SecurityException("this needs the operator or admin role");
    }
  }

  public void requireAdmin() {
    if (!isAdmin()) {
      throw new SecurityException("this needs the admin role");
    }
  }
}
