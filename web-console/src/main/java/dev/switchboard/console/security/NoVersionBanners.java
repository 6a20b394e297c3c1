package dev.switchboard.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the application's answers free of version banners: whatever runs behind this filter (Faces,
 * JAX-RS, a library) cannot set {@code Server}, {@code X-Powered-By} or {@code X-AspNet-Version}
 * headers. The ones Payara's HTTP listener adds itself are turned off in the domain ({@code
 * xpowered-by}, {@code server-header}), not here.
 */
public class NoVersionBanners extends HttpFilter {

  static final Set<String> BANNERS = Set.of("server", "x-powered-by", "x-aspnet-version");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new Unbannered(response));
  }

  static boolean isBanner(String header) {
    return header != null && BANNERS.contains(header.toLowerCase(Locale.ROOT));
  }

  private static final class Unbannered extends HttpServletResponseWrapper {

    Unbannered(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!isBanner(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!isBanner(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
