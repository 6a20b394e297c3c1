package dev.switchboard.realm;

import com.sun.appserv.security.AppservPasswordLoginModule;
import javax.security.auth.login.LoginException;

/** The JAAS login module of the {@link SwitchboardRealm}: name and password, then the roles. */
public class SwitchboardLoginModule extends AppservPasswordLoginModule {

  @Override
  protected void authenticateUser() throws LoginException {
    if (!(_currentRealm instanceof SwitchboardRealm realm)) {
      throw new LoginException(
          "the switchboard login module works only with the switchboard realm, not "
              + _currentRealm);
    }
    commitUserAuthentication(realm.authenticate(_username, getPasswordChar()));
  }
}
