package dev.switchboard.api;

import java.util.Set;

/**
 * An account as the console and the API show it: never its password or hash.
 *
 * @param name the sign-in name
 * @param roles its roles ({@link Roles})
 * @param createdAt ISO-8601 instant
 */
public record AccountView(String name, Set<String> roles, String createdAt) {}
