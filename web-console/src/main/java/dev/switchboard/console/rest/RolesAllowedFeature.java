package dev.switchboard.console.rest;

import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Makes Jersey enforce {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the API.
 */
@Provider
public class RolesAllowedFeature extends RolesAllowedDynamicFeature {}
