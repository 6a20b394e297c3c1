package dev.switchboard.console.security;

import java.io.Serializable;
import java.util.Set;

/** Who signed in to the console, kept in the HTTP session. */
record SignedIn(String name, Set<String> roles) implements Serializable {}
