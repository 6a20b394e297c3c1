package dev.switchboard.console.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in to the console, kept in the HTTP session: the roles as they were read from the
 * account at {@code accountsVersion} (see {@code Accounts.version()}) and at {@code readAt} (epoch
 * milliseconds), so that {@link SessionRoles} knows when to read them again, and the stamp of the
 * password the session was signed in with ({@link AccountStore.Standing#stamp()}), so that a new
 * password ends it.
 */
record SignedIn(String name, Set<String> roles, String stamp, long accountsVersion, long readAt)
    implements Serializable {}
