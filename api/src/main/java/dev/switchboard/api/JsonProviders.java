package dev.switchboard.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider Switchboard's hot paths use. Each of {@code jakarta.json.Json}'s static
 * factory methods looks the provider up again through the class loader's resources: under load that
 * look-up showed in thread dumps of registration and matching, so the provider is found once.
 */
public final class JsonProviders {

  /** The provider, looked up once. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonProviders() {}
}
