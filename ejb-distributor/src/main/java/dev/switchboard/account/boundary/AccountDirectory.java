package dev.switchboard.account.boundary;

import dev.switchboard.account.control.AccountRules;
import dev.switchboard.account.control.AccountVersion;
import dev.switchboard.account.entity.Account;
import dev.switchboard.api.AccountView;
import dev.switchboard.api.Accounts;
import dev.switchboard.api.ConflictException;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Roles;
import dev.switchboard.api.UnknownNameException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Stores accounts with their passwords hashed by Jakarta Security's PBKDF2 implementation, in the
 * format the identity stores verify. Access control is the caller's: the REST resource and the
 * console page that manage accounts are for admins only.
 */
@Stateless
@LocalBean
public class AccountDirectory implements Accounts {

  private static final Logger LOG = Logger.getLogger(AccountDirectory.class.getName());

  @PersistenceContext EntityManager em;

  /** Iterations of PBKDF2-HMAC-SHA256 for new hashes; stored hashes name their own. */
  static final int ITERATIONS = 10_000;

  @Inject Pbkdf2PasswordHash hash;

  @Inject AccountVersion version;

  @Resource TransactionSynchronizationRegistry transactions;

  @PostConstruct
  void init() {
    hash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS)));
  }

  @Override
  public List<AccountView> accounts() {
    return em.createNamedQuery(Account.ALL, Account.class).getResultList().stream()
        .map(AccountDirectory::view)
        .toList();
  }

  @Override
  public AccountView create(String name, char[] password, Set<String> roles) {
    AccountRules.name(name);
    Set<String> checkedRoles = AccountRules.roles(roles);
    if (em.find(Account.class, name) != null) {
      throw new ConflictException("name", "name: an account named '" + name + "' exists");
    }
    Account account = new Account(name, hashOf(password), checkedRoles, Instant.now());
    em.persist(account);
    countAfterCommit();
    LOG.info(() -> "Account " + name + " created with roles " + checkedRoles);
    return view(account);
  }

  @Override
  public AccountView update(String name, char[] password, Set<String> roles) {
    Account account = em.find(Account.class, name);
    if (account == null) {
      throw new UnknownNameException("name", "name: no account named '" + name + "'");
    }
    if (password != null) {
      account.setPasswordHash(hashOf(password));
    }
    if (roles != null) {
      Set<String> checked = AccountRules.roles(roles);
      if (!checked.contains(Roles.ADMIN) && account.getRoles().contains(Roles.ADMIN)) {
        requireAnotherAdmin(name);
      }
      account.setRoles(checked);
    }
    countAfterCommit();
    LOG.info(() -> "Account " + name + " updated");
    return view(account);
  }

  @Override
  public boolean delete(String name) {
    Account account = em.find(Account.class, name);
    if (account == null) {
      return false;
    }
    if (account.getRoles().contains(Roles.ADMIN)) {
      requireAnotherAdmin(name);
    }
    em.remove(account);
    countAfterCommit();
    LOG.info(() -> "Account " + name + " deleted");
    return true;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long version() {
    return version.current();
  }

  /**
   * Counts the change once the transaction ends (committed or not: a needless re-read costs one
   * query), never before, so a reader cannot take the old rows for the new number.
   */
  private void countAfterCommit() {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            version.changed();
          }
        });
  }

  /** True if no account exists yet (the first start). */
  public boolean none() {
    return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult() == 0;
  }

  private void requireAnotherAdmin(String name) {
    boolean another =
        em.createNamedQuery(Account.ALL, Account.class).getResultList().stream()
            .anyMatch(a -> !a.getName().equals(name) && a.getRoles().contains(Roles.ADMIN));
    if (!another) {
      throw new InvalidInputException("roles", "roles: '" + name + "' is the last admin");
    }
  }

  private String hashOf(char[] password) {
    AccountRules.password(password);
    try {
      return hash.generate(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static AccountView view(Account account) {
    return new AccountView(
        account.getName(), Set.copyOf(account.getRoles()), account.getCreatedAt().toString());
  }
}
