package dev.switchboard.console.view;

import dev.switchboard.api.ExpressionCheck;
import dev.switchboard.api.InvalidTaskException;
import dev.switchboard.api.NoPoolAcceptedException;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskRules;
import dev.switchboard.console.security.Caller;
import dev.switchboard.console.tier1.Tier1;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The submit form. The request passes the same {@link TaskRules} as every other way in: its fields,
 * a known application, expressions that type-check (the message gives line and column); each
 * message sits next to its field. An accepted task opens on its detail page.
 */
@Named
@RequestScoped
public class SubmitForm {

  static final String FORM = "submit";

  @EJB ServerRegistry servers;

  @EJB ExpressionCheck expressions;

  @Inject Tier1 tier1;

  @Inject Caller caller;

  private String application = "sha256";
  private String input = "";
  private String user;
  private String client = "console";
  private int slots = 1;
  private double minPower;
  private String requirements;
  private String rank;
  private int timeoutSeconds = TaskRequest.DEFAULT_TIMEOUT;
  private int maxRetries;
  private String attributes;

  public List<String> getApplications() {
    return servers.knownApplications().stream().sorted().toList();
  }

  public void submit() throws IOException {
    if (!caller.isOperator()) {
      Messages.error(null, "Refused: submitting needs the operator or admin role.");
      return;
    }
    if (user == null || user.isBlank()) {
      user = caller.getName();
    }
    Map<String, String> parsedAttributes = parseAttributes();
    if (parsedAttributes == null) {
      return;
    }
    TaskRequest request =
        new TaskRequest(
            application,
            input == null ? "" : input,
            user,
            client,
            slots,
            minPower,
            blankToNull(requirements),
            blankToNull(rank),
            parsedAttributes,
            timeoutSeconds,
            maxRetries);
    if (!valid(request)) {
      return;
    }
    try {
      TaskReceipt receipt = tier1.submit(request);
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().getFlash().setKeepMessages(true);
      Messages.info("Task " + receipt.id() + " accepted by " + receipt.pool() + ".");
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/task.xhtml?id="
                  + receipt.id());
    } catch (NoPoolAcceptedException e) {
      Messages.error(
          null, "No tier-1 pool accepted the task: " + String.join("; ", e.attempts()) + ".");
    } catch (InvalidTaskException e) {
      // the pool checks again: a server may have left since the form's check
      Messages.error(e.field() == null ? null : FORM + ":" + e.field(), e.getMessage());
    }
  }

  private boolean valid(TaskRequest request) {
    List<TaskRules.Violation> violations =
        new TaskRules(servers.knownApplications(), expressions).violations(request);
    for (TaskRules.Violation violation : violations) {
      String field = violation.field() == null ? null : FORM + ":" + violation.field();
      Messages.error(field, violation.message());
    }
    return violations.isEmpty();
  }

  /** "name=value" per line; null (with a message) if the text is not of that form. */
  private Map<String, String> parseAttributes() {
    try {
      return NameValueLines.parse("attributes", attributes);
    } catch (IllegalArgumentException e) {
      Messages.error(FORM + ":attributes", e.getMessage());
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  public String getApplication() {
    return application;
  }

  public void setApplication(String application) {
    this.application = application;
  }

  public String getInput() {
    return input;
  }

  public void setInput(String input) {
    this.input = input;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getClient() {
    return client;
  }

  public void setClient(String client) {
    this.client = client;
  }

  public int getSlots() {
    return slots;
  }

  public void setSlots(int slots) {
    this.slots = slots;
  }

  public double getMinPower() {
    return minPower;
  }

  public void setMinPower(double minPower) {
    this.minPower = minPower;
  }

  public String getRequirements() {
    return requirements;
  }

  public void setRequirements(String requirements) {
    this.requirements = requirements;
  }

  public String getRank() {
    return rank;
  }

  public void setRank(String rank) {
    this.rank = rank;
  }

  public int getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public int getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  public String getAttributes() {
    return attributes;
  }

  public void setAttributes(String attributes) {
    this.attributes = attributes;
  }
}
