package dev.switchboard.console.rest;

import dev.switchboard.api.TaskPage;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 8288 links of a page of the task list: the request's own URI with its filters and sort
 * kept, and the cursor (and no offset) of the next or previous page; the first page has neither.
 */
final class TaskLinks {

  private final UriInfo uri;

  TaskLinks(UriInfo uri) {
    this.uri = uri;
  }

  Link[] of(TaskPage page) {
    List<Link> links = new ArrayList<>(3);
    if (page.next() != null) {
      links.add(link("next", page.next()));
    }
    if (page.previous() != null) {
      links.add(link("prev", page.previous()));
    }
    links.add(link("first", null));
    return links.toArray(Link[]::new);
  }

  private Link link(String rel, String cursor) {
    UriBuilder target = uri.getRequestUriBuilder().replaceQueryParam("offset");
    if (cursor == null) {
      target.replaceQueryParam("cursor");
    } else {
      target.replaceQueryParam("cursor", cursor);
    }
    return Link.fromUriBuilder(target).rel(rel).build();
  }
}
