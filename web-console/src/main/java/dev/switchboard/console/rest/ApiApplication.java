package dev.switchboard.console.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, at {@code /switchboard/api}. */
@ApplicationPath("api")
public class ApiApplication extends Application {}
