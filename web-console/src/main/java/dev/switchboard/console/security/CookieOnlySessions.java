package dev.switchboard.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request whose URL names a session ({@code ;jsessionid=…}) with 400. Payara takes a
 * session id from the URL even when {@code web.xml} allows only cookies, so a link carrying
 * someone's session id would act as them, and a link carrying an attacker's would fix the victim's
 * session. The authentication mechanism ignores such sessions too; this filter keeps the pages (the
 * sign-in form above all) from ever using one.
 */
public class CookieOnlySessions extends HttpFilter {

  static final String REFUSED =
      "session ids are taken only from the session cookie: remove ;jsessionid=... from the address";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!request.isRequestedSessionIdFromURL()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setCharacterEncoding("UTF-8");
    String path = request.getServletPath();
    if (path != null && path.startsWith("/api")) {
      response.setContentType("application/json");
      response.getWriter().write("{\"error\":\"" + REFUSED + "\",\"field\":null}");
    } else {
      response.setContentType("text/plain");
      response.getWriter().write(REFUSED + "\n");
    }
  }
}
