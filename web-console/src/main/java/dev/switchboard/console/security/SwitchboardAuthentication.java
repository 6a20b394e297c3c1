package dev.switchboard.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One mechanism for both ways in. The API ({@code /api/*}) takes HTTP Basic credentials on every
 * request and never a session, so a page on another site cannot act with a console user's cookie.
 * The console signs in through its form ({@link Login}, which hands the credential over with {@code
 * SecurityContext.authenticate}), keeps the caller in the session under a new session id, and sends
 * a caller without one to the sign-in page.
 */
@ApplicationScoped
public class SwitchboardAuthentication implements HttpAuthenticationMechanism {

  static final String SESSION_CALLER = "switchboard.caller";
  static final String LOGIN_PAGE = "/login.xhtml";
  static final String REALM = "Basic realm=\"Switchboard\", charset=\"UTF-8\"";

  private static final Logger LOG = Logger.getLogger(SwitchboardAuthentication.class.getName());

  @Inject IdentityStoreHandler identities;

  @Inject VerifiedCredentials verified;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential formCredential = context.getAuthParameters().getCredential();
    if (formCredential != null) {
      return signIn(request, context, formCredential);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(request, response, context, authorization.substring(6).trim());
    }
    if (!isApi(request)) {
      HttpSession session = request.getSession(false);
      if (session != null && session.getAttribute(SESSION_CALLER) instanceof SignedIn caller) {
        return context.notifyContainerAboutLogin(caller.name(), caller.roles());
      }
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return challenge(response, context, "authentication required (HTTP Basic)");
    }
    return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next=" + next(request));
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_CALLER);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identities.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      LOG.info(() -> "Console sign-in refused for " + nameOf(credential));
      return AuthenticationStatus.SEND_FAILURE;
    }
    request.getSession(true);
    request.changeSessionId();
    request
        .getSession()
        .setAttribute(
            SESSION_CALLER,
            new SignedIn(
                result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String encoded) {
    UsernamePasswordCredential credential = decode(encoded);
    if (credential == null) {
      return challenge(response, context, "malformed HTTP Basic credentials");
    }
    CredentialValidationResult result = verified.validate(credential, identities::validate);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      return context.notifyContainerAboutLogin(result);
    }
    LOG.info(
        () ->
            "API credentials refused for "
                + credential.getCaller()
                + " on "
                + request.getRequestURI());
    return challenge(response, context, "wrong name or password");
  }

  /** 401 with a JSON body like the API's other errors. */
  private static AuthenticationStatus challenge(
      HttpServletResponse response, HttpMessageContext context, String error) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", REALM);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try {
      response.getWriter().write("{\"error\":\"" + error + "\",\"field\":null}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  static UsernamePasswordCredential decode(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new UsernamePasswordCredential(
        decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getServletPath();
    return path != null && path.startsWith("/api");
  }

  /** The page to return to after signing in: a path inside the console, never another site. */
  private static String next(HttpServletRequest request) {
    String path = request.getServletPath();
    String query = request.getQueryString();
    String target = query == null ? path : path + "?" + query;
    return URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  private static String nameOf(Credential credential) {
    return credential instanceof UsernamePasswordCredential c ? c.getCaller() : "?";
  }
}
