package dev.switchboard.cli;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 8288 {@code Link} headers. The client takes only the cursor out of a link and asks its
 * own base URL again, so that credentials never follow a link to another host.
 */
final class Links {

  /** One link-value: {@code <target>} and its parameters, up to the next link-value. */
  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");

  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?");

  private Links() {}

  /** The {@code cursor} query parameter of the link with this relation, or null. */
  static String cursor(List<String> headers, String rel) {
    for (String header : headers) {
      Matcher link = LINK.matcher(header);
      while (link.find()) {
        Matcher relation = REL.matcher(link.group(2));
        if (relation.find() && List.of(relation.group(1).trim().split("\\s+")).contains(rel)) {
          return parameter(link.group(1), "cursor");
        }
      }
    }
    return null;
  }

  static String parameter(String target, String name) {
    String query = URI.create(target).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
