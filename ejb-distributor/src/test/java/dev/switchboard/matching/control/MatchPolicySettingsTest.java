package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The defaults the container injects into {@link ServerIndex} are {@link MatchPolicy#defaults()},
 * the policy the unit tests match with; values below their floors count as the floors.
 */
class MatchPolicySettingsTest {

  static Map<String, String> injectedDefaults() {
    Map<String, String> defaults = new HashMap<>();
    for (Field field : ServerIndex.class.getDeclaredFields()) {
      ConfigProperty setting = field.getAnnotation(ConfigProperty.class);
      if (setting != null) {
        defaults.put(setting.name(), setting.defaultValue());
      }
    }
    return defaults;
  }

  @Test
  void theInjectedDefaultsAreThePolicysDefaults() {
    Map<String, String> d = injectedDefaults();
    assertEquals(4, d.size(), d.toString());
    assertEquals(
        MatchPolicy.defaults(),
        MatchPolicy.configured(
            Long.parseLong(d.get(MatchPolicy.MAX_IDLE_AGE_PROPERTY)),
            Integer.parseInt(d.get(MatchPolicy.SAMPLE_SIZE_PROPERTY)),
            Long.parseLong(d.get(MatchPolicy.EVALUATION_BUDGET_PROPERTY)),
            Long.parseLong(d.get(MatchPolicy.EVALUATION_MILLIS_PROPERTY))));
  }

  @Test
  void valuesBelowTheirFloorsCountAsTheFloors() {
    MatchPolicy policy = MatchPolicy.configured(0, -3, 10, 1);
    assertEquals(Duration.ofSeconds(1), policy.maxIdleAge());
    assertEquals(1, policy.sampleSize());
    assertEquals(1_000, policy.evaluationBudget());
    assertEquals(Duration.ofMillis(5), policy.evaluationTime());
  }
}
