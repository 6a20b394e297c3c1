package dev.switchboard.baseline.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The baseline's REST API, at {@code /switchboard-baseline/api}. */
@ApplicationPath("api")
public class BaselineApplication extends Application {}
