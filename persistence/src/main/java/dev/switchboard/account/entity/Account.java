package dev.switchboard.account.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account that may sign in to the console and call the API. Only the hash of the password is
 * kept ({@code PBKDF2WithHmacSHA256:iterations:salt:hash}, the format of Jakarta Security's {@code
 * Pbkdf2PasswordHash}); the identity stores read the table directly.
 */
@Entity
@Table(name = "SB_ACCOUNT")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.name")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
public class Account {

  public static final String ALL = "Account.all";
  public static final String COUNT = "Account.count";

  @Id
  @Column(length = 64)
  private String name;

  @Version private long version;

  @Column(name = "PASSWORDHASH", length = 512, nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SB_ACCOUNT_ROLE", joinColumns = @JoinColumn(name = "ACCOUNT"))
  @Column(name = "ROLE_NAME", length = 16)
  private Set<String> roles = new TreeSet<>();

  protected Account() {}

  public Account(String name, String passwordHash, Set<String> roles, Instant createdAt) {
    this.name = name;
    this.passwordHash = passwordHash;
    this.roles = new TreeSet<>(roles);
    this.createdAt = createdAt;
  }

  public String getName() {
    return name;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public Set<String> getRoles() {
    return roles;
  }

  public void setRoles(Set<String> roles) {
    this.roles.clear();
    this.roles.addAll(roles);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
