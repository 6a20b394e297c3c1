package dev.switchboard.console.view;

import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.DistributorView;
import dev.switchboard.console.security.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Tier-1 pools and tier-2 distributors with their state and last broadcast; operators disable,
 * drain and enable them, admins change a tier-2 queue limit.
 */
@Named
@RequestScoped
public class DistributorList {

  @EJB DistributorAdmin distributors;

  @Inject Caller caller;

  private List<DistributorView> all;

  public List<DistributorView> getPools() {
    return all().stream().filter(d -> d.tier() == 1).toList();
  }

  public List<DistributorView> getTier2() {
    return all().stream().filter(d -> d.tier() == 2).toList();
  }

  /** UP, DRAINING or DISABLED. */
  public void change(String name, String state) {
    DistributorView changed =
        Messages.attempt(
            "Changing " + name,
            () -> {
              caller.requireOperator();
              return distributors.changeState(name, state);
            });
    if (changed != null) {
      Messages.info(name + " is " + changed.state() + ".");
      all = null;
    }
  }

  public void queueLimit(String name, int limit) {
    DistributorView changed =
        Messages.attempt(
            "Queue limit of " + name,
            () -> {
              caller.requireAdmin();
              return distributors.changeQueueLimit(name, limit);
            });
    if (changed != null) {
      Messages.info(name + " queue limit is " + changed.queueLimit() + ".");
      all = null;
    }
  }

  public void broadcast() {
    Boolean done =
        Messages.attempt(
            "Broadcast",
            () -> {
              caller.requireOperator();
              distributors.broadcastNow();
              return true;
            });
    if (done != null) {
      Messages.info("Tier-2 distributors asked to broadcast their status now.");
    }
  }

  public String lastHeard(DistributorView distributor) {
    return distributor.lastStatus() == null
        ? "never"
        : Ages.ago(distributor.lastStatus().measuredAt());
  }

  private List<DistributorView> all() {
    if (all == null) {
      all = distributors.distributors();
    }
    return all;
  }
}
