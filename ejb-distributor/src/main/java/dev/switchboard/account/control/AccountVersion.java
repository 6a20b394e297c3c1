package dev.switchboard.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of account changes on this server, so that callers holding an account's roles (a
 * console session, a remembered API credential) can tell cheaply, on every request, that they must
 * read the account again. It counts only; the roles themselves are always read from the table.
 */
@ApplicationScoped
public class AccountVersion {

  private final AtomicLong version = new AtomicLong();

  public long current() {
    return version.get();
  }

  /** Called once a change is committed, so nobody reads the old rows under the new number. */
  public void changed() {
    version.incrementAndGet();
  }
}
