package dev.switchboard.account.boundary;

import dev.switchboard.api.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First-run setup: when the database holds no account, creates {@code admin} with the password
 * given by the setting {@code switchboard.admin.password}, or with a random one written to {@code
 * <domain>/config/switchboard-admin-password} (readable by its owner only). Once any account exists
 * this does nothing, so a changed password is never reset.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AccountBootstrap {

  public static final String PASSWORD_PROPERTY = "switchboard.admin.password";
  public static final String ADMIN = "admin";
  static final String PASSWORD_FILE = "switchboard-admin-password";

  private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

  @EJB AccountDirectory accounts;

  @Inject
  @ConfigProperty(name = PASSWORD_PROPERTY)
  Optional<String> password;

  @PostConstruct
  void createFirstAdmin() {
    if (!accounts.none()) {
      return;
    }
    Optional<String> given = password.filter(p -> !p.isBlank());
    if (given.isPresent()) {
      accounts.create(ADMIN, given.get().toCharArray(), Set.of(Roles.ADMIN));
      LOG.info(
          () -> "First start: account 'admin' created with the password of " + PASSWORD_PROPERTY);
      return;
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path file = passwordFile();
    write(file, generated);
    accounts.create(ADMIN, generated.toCharArray(), Set.of(Roles.ADMIN));
    LOG.warning(
        () ->
            "First start: account 'admin' created with a random password, written to "
                + file
                + "; sign in and change it, or create other accounts");
  }

  private static Path passwordFile() {
    String root = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("user.dir"));
    return Path.of(root, "config", PASSWORD_FILE);
  }

  private static void write(Path file, String password) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the first admin password to " + file, e);
    }
  }
}
