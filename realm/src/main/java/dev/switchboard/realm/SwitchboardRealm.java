package dev.switchboard.realm;

import com.sun.appserv.security.AppservRealm;
import com.sun.enterprise.security.auth.realm.BadRealmException;
import com.sun.enterprise.security.auth.realm.NoSuchRealmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.security.auth.login.LoginException;
import javax.sql.DataSource;

/**
 * The realm Payara consults for IIOP callers of Switchboard's remote EJBs. Properties: {@code
 * jaas-context} (the login.conf entry naming {@link SwitchboardLoginModule}) and {@code
 * datasource-jndi} (default {@code jdbc/switchboard}). The data source is looked up when the first
 * caller signs in, as the realm is loaded before applications' resources are.
 */
public class SwitchboardRealm extends AppservRealm {

  static final String DATASOURCE = "datasource-jndi";
  static final String JAAS_CONTEXT = "jaas-context";

  /** What the caller is told: neither its name back nor anything of the server's internals. */
  static final String WRONG = "wrong name or password";

  static final String UNREADABLE = "accounts cannot be read now; the server log has the details";

  private static final Logger LOG = Logger.getLogger(SwitchboardRealm.class.getName());

  private String dataSourceName;

  @Override
  protected void init(Properties properties) throws BadRealmException, NoSuchRealmException {
    super.init(properties);
    String jaasContext = properties.getProperty(JAAS_CONTEXT);
    if (jaasContext == null) {
      throw new BadRealmException("the switchboard realm needs the property " + JAAS_CONTEXT);
    }
    setProperty(JAAS_CONTEXT, jaasContext);
    dataSourceName = properties.getProperty(DATASOURCE, "jdbc/switchboard");
    setProperty(DATASOURCE, dataSourceName);
  }

  @Override
  public String getAuthType() {
    return "switchboard accounts (PBKDF2)";
  }

  @Override
  public java.util.Enumeration<String> getGroupNames(String user) {
    try (Connection connection = dataSource().getConnection()) {
      return Collections.enumeration(AccountCheck.roles(connection, user));
    } catch (SQLException | NamingException e) {
      LOG.log(Level.WARNING, "cannot read the roles of " + Printable.of(user), e);
      return Collections.emptyEnumeration();
    }
  }

  /** The account's roles if the password is right. */
  String[] authenticate(String name, char[] password) throws LoginException {
    try (Connection connection = dataSource().getConnection()) {
      List<String> roles = AccountCheck.authenticate(connection, name, password);
      if (roles == null) {
        LOG.info(() -> "IIOP sign-in refused for " + Printable.of(name));
        throw new LoginException(WRONG);
      }
      return roles.toArray(String[]::new);
    } catch (SQLException | NamingException e) {
      LOG.log(Level.WARNING, "cannot check the account " + Printable.of(name), e);
      throw new LoginException(UNREADABLE);
    }
  }

  private DataSource dataSource() throws NamingException {
    return (DataSource) new InitialContext().lookup(dataSourceName);
  }
}
