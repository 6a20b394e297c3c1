package dev.switchboard.console.rest;

import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Fulfillment servers and their attributes: {@code GET /api/servers}. */
@Path("servers")
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {

  @EJB ServerRegistry registry;

  @GET
  public List<ServerView> servers() {
    return registry.servers();
  }
}
