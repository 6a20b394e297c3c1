package dev.switchboard.console.view;

import dev.switchboard.api.AccountView;
import dev.switchboard.api.Accounts;
import dev.switchboard.api.Roles;
import dev.switchboard.console.security.Caller;
import dev.switchboard.console.security.VerifiedCredentials;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/** Accounts, for admins: list, create with a role, delete. */
@Named
@RequestScoped
public class AccountList {

  @EJB Accounts accounts;

  @Inject Caller caller;

  @Inject VerifiedCredentials verified;

  private String name;
  private String password;
  private String role = Roles.VIEWER;

  public List<AccountView> getAccounts() {
    return caller.isAdmin() ? accounts.accounts() : List.of();
  }

  public List<String> getRoles() {
    return List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);
  }

  public void create() {
    AccountView created =
        Messages.attempt(
            "Creating account",
            () -> {
              caller.requireAdmin();
              return accounts.create(
                  name, password == null ? null : password.toCharArray(), Set.of(role));
            });
    if (created != null) {
      Messages.info("Account " + created.name() + " created with role " + role + ".");
      name = null;
    }
    password = null;
  }

  public void delete(String account) {
    Boolean deleted =
        Messages.attempt(
            "Deleting account " + account,
            () -> {
              caller.requireAdmin();
              return accounts.delete(account);
            });
    if (Boolean.TRUE.equals(deleted)) {
      verified.forgetAll();
      Messages.info("Account " + account + " deleted.");
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
