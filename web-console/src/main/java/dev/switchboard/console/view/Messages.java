package dev.switchboard.console.view;

import dev.switchboard.api.SwitchboardException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Outcome messages of console actions, and the one way actions report what went wrong. */
final class Messages {

  private static final Logger LOG = Logger.getLogger(Messages.class.getName());

  private Messages() {}

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /**
   * Runs an action; a refusal (role), a rule it breaks, an unknown name or a conflict becomes an
   * error message on the page instead of an error page. Returns null when it failed.
   */
  static <T> T attempt(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (SecurityException e) {
      LOG.log(Level.INFO, "Console refused {0}: {1}", new Object[] {what, e.getMessage()});
      error(null, "Refused: " + e.getMessage() + ".");
    } catch (SwitchboardException e) {
      error(null, what + ": " + e.getMessage());
    } catch (EJBAccessException e) {
      error(null, "Refused: your roles do not allow this.");
    } catch (EJBException e) {
      // a failure the person cannot act on: its details are for the log, not the page
      LOG.log(Level.WARNING, "Console action failed: " + what, e);
      error(null, what + " failed; the server log has the details.");
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the page's own checks of what was typed, before any EJB is called
      error(null, what + ": " + e.getMessage());
    }
    return null;
  }
}
