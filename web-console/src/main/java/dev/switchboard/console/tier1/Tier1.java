package dev.switchboard.console.tier1;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.FrontDistributor;
import dev.switchboard.api.NoPoolAcceptedException;
import dev.switchboard.api.PoolSearch;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web tier's way into tier 1: the sequential search over the pools named by the setting {@code
 * switchboard.tier1.pools}, each looked up by its portable JNDI name.
 */
@ApplicationScoped
public class Tier1 {

  @Inject
  @ConfigProperty(name = Destinations.POOLS_PROPERTY, defaultValue = Destinations.DEFAULT_POOLS)
  String pools;

  private PoolSearch search;

  @PostConstruct
  void init() {
    search = new PoolSearch(PoolSearch.parseOrder(pools), Tier1::lookup);
  }

  public TaskReceipt submit(TaskRequest request) throws NoPoolAcceptedException {
    return search.submit(request);
  }

  /** Submits many tasks to the first pool that accepts them all. */
  public List<TaskReceipt> submitAll(List<TaskRequest> requests) throws NoPoolAcceptedException {
    return search.submitAll(requests);
  }

  private static FrontDistributor lookup(String pool) {
    String name = Destinations.poolJndiName(pool);
    try {
      return (FrontDistributor) new InitialContext().lookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("pool " + pool + " is not bound at " + name, e);
    }
  }
}
