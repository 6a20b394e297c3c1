package dev.switchboard.profile.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.UserProfileView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A profile that breaks a rule is refused with the field at fault before the store touches the
 * database: the store here has none, so reaching it would fail with another exception.
 */
class ProfileStoreTest {

  final ProfileStore store = new ProfileStore();

  static UserProfileView user(
      int priority, List<String> zones, Map<String, Double> weights, Map<String, Object> attrs) {
    return new UserProfileView("bea", priority, 0, zones, weights, attrs);
  }

  String refusedField(UserProfileView profile) {
    return assertThrows(InvalidInputException.class, () -> store.putUser(profile)).field();
  }

  @Test
  void aBadUserProfileNamesTheField() {
    assertEquals("priority", refusedField(user(5000, List.of(), Map.of(), Map.of())));
    assertEquals("preferredZones", refusedField(user(0, List.of("a", "a"), Map.of(), Map.of())));
    assertEquals("weights", refusedField(user(0, List.of(), Map.of("luck", 5.0), Map.of())));
    assertEquals("attributes", refusedField(user(0, List.of(), Map.of(), Map.of("bad name", "x"))));
    assertEquals(
        "id",
        assertThrows(
                InvalidInputException.class,
                () ->
                    store.putUser(new UserProfileView("../x", 0, 0, List.of(), Map.of(), Map.of())))
            .field());
  }

  @Test
  void aBadClientProfileNamesTheField() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> store.putClient(new ClientProfileView("c-1", "zone a", null, Map.of())));
    assertEquals("zone", e.field());
    assertEquals("zone 'zone a' is not a valid zone name", e.getMessage());
  }
}
