package dev.switchboard.console.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/** Backs the sign-in page and the sign-out button. */
@Named
@RequestScoped
public class Login {

  @Inject SecurityContext security;

  @Inject FacesContext faces;

  @NotBlank(message = "enter your account name")
  @Size(max = 64, message = "at most 64 characters")
  private String name;

  @NotBlank(message = "enter your password")
  @Size(max = 128, message = "at most 128 characters")
  private String password;

  private String next;

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(name, new Password(password))));
    if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(external.getRequestContextPath() + safeNext());
    } else if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
    } else if (external.getRequestMap().get(SwitchboardAuthentication.THROTTLED)
        instanceof Long seconds) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Too many failed sign-ins for this account or from this address: try again in "
                  + seconds
                  + " s.",
              null));
    } else {
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong account name or password.", null));
    }
  }

  public void signOut() throws IOException, jakarta.servlet.ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + SwitchboardAuthentication.LOGIN_PAGE);
  }

  /** Only a path of this console: a next parameter naming another site is ignored. */
  String safeNext() {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/index.xhtml";
    }
    return next;
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

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
