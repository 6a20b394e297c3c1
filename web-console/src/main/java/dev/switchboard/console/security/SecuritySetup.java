package dev.switchboard.console.security;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The identity store: Jakarta Security's database store over {@code SB_ACCOUNT}, verifying PBKDF2
 * hashes; an account's groups are its roles.
 */
@ApplicationScoped
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = Destinations.DATA_SOURCE,
    callerQuery = "SELECT PASSWORDHASH FROM SB_ACCOUNT WHERE NAME = ?",
    groupsQuery = "SELECT ROLE_NAME FROM SB_ACCOUNT_ROLE WHERE ACCOUNT = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
public class SecuritySetup {}
