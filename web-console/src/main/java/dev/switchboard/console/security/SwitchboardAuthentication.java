package dev.switchboard.console.security;

import dev.switchboard.api.Problem;
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
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * One mechanism for both ways in. The API ({@code /api/*}) takes HTTP Basic credentials on every
 * request and never a session, so a page on another site cannot act with a console user's cookie.
 * The console signs in through its form ({@link Login}, which hands the credential over with {@code
 * SecurityContext.authenticate}), keeps the caller in the session under a new session id, and sends
 * a caller without one to the sign-in page.
 *
 * <p>A session is taken only from the session cookie, never from a {@code ;jsessionid=} in the URL
 * (Payara honours those whatever the tracking modes say), and its roles follow the account on every
 * request ({@link SessionRoles}). Failed sign-ins are throttled per name and per address ({@link
 * SignInThrottle}): the API answers 429 with {@code Retry-After}, the sign-in page says how long to
 * wait. What a caller typed is logged only through {@link LogText}.
 */
@ApplicationScoped
public class SwitchboardAuthentication implements HttpAuthenticationMechanism {

  static final String SESSION_CALLER = "switchboard.caller";
  static final String LOGIN_PAGE = "/login.xhtml";
  static final String REALM = "Basic realm=\"Switchboard\", charset=\"UTF-8\"";

  /** Request attribute: seconds a refused console sign-in has to wait, for the page's message. */
  static final String THROTTLED = "switchboard.signIn.waitSeconds";

  private static final Logger LOG = Logger.getLogger(SwitchboardAuthentication.class.getName());

  @Inject IdentityStoreHandler identities;

  @Inject VerifiedCredentials verified;

  @Inject SignInThrottle throttle;

  @Inject SessionRoles sessions;

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
      SignedIn caller = sessionCaller(request);
      if (caller != null) {
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

  /**
   * The caller of the session named by the request's cookie, with the account's current roles; null
   * without one, for a session id that came in the URL, or when the account is gone (then the
   * session ends).
   */
  private SignedIn sessionCaller(HttpServletRequest request) {
    if (!request.isRequestedSessionIdFromCookie() || request.isRequestedSessionIdFromURL()) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SESSION_CALLER) instanceof SignedIn known)) {
      return null;
    }
    SignedIn current = sessions.current(known);
    if (current == null) {
      LOG.info(
          () ->
              "Console session of "
                  + LogText.of(known.name())
                  + " ended: the account is gone or its password changed");
      session.invalidate();
      return null;
    }
    if (current != known) {
      session.setAttribute(SESSION_CALLER, current);
    }
    return current;
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    String name = nameOf(credential);
    String address = request.getRemoteAddr();
    Duration wait = throttle.refusedFor(name, address);
    if (!wait.isZero()) {
      LOG.info(
          () ->
              "Console sign-in for "
                  + LogText.of(name)
                  + " from "
                  + address
                  + " refused: too many failures");
      request.setAttribute(THROTTLED, seconds(wait));
      return AuthenticationStatus.SEND_FAILURE;
    }
    long version = sessions.version();
    CredentialValidationResult result = identities.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(name, address);
      LOG.info(() -> "Console sign-in refused for " + LogText.of(name) + " from " + address);
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.succeeded(name);
    request.getSession(true);
    request.changeSessionId();
    request
        .getSession()
        .setAttribute(
            SESSION_CALLER,
            sessions.signedIn(
                result.getCallerPrincipal().getName(), result.getCallerGroups(), version));
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
    String address = request.getRemoteAddr();
    Duration wait = throttle.refusedFor(credential.getCaller(), address);
    if (!wait.isZero()) {
      return tooManyFailures(response, wait);
    }
    long version = sessions.version();
    CredentialValidationResult result =
        verified.validate(credential, version, identities::validate);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      throttle.succeeded(credential.getCaller());
      return context.notifyContainerAboutLogin(result);
    }
    throttle.failed(credential.getCaller(), address);
    LOG.info(
        () ->
            "API credentials refused for "
                + LogText.of(credential.getCaller())
                + " from "
                + address
                + " on "
                + LogText.of(request.getRequestURI()));
    return challenge(response, context, "wrong name or password");
  }

  /** 429 with Retry-After and a JSON body: the password was not even looked at. */
  private static AuthenticationStatus tooManyFailures(HttpServletResponse response, Duration wait) {
    long seconds = seconds(wait);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds));
    writeJson(
        response,
        "too many failed sign-ins for this account or from this address; try again in "
            + seconds
            + " s");
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** 401 with a problem document like the API's other errors. */
  private static AuthenticationStatus challenge(
      HttpServletResponse response, HttpMessageContext context, String error) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", REALM);
    writeJson(response, error);
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** Writes the answer's problem document (RFC 9457), for the status already set. */
  private static void writeJson(HttpServletResponse response, String error) {
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    try {
      response.getWriter().write(new Problem(response.getStatus(), error, null).toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whole seconds, rounded up: a client that waits that long is let in. */
  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
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
