package dev.switchboard.console.security;

import dev.switchboard.api.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles the console and the API know. The identity store is {@link AccountStore}; the one
 * mechanism for both ways in is {@link SwitchboardAuthentication}.
 */
@ApplicationScoped
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SecuritySetup {}
