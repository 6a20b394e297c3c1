package dev.switchboard.console.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class CrossSiteCheckTest {

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  @Test
  void readsNeedNothing() {
    assertFalse(CrossSiteCheck.refused("GET", null, null));
    assertFalse(CrossSiteCheck.refused("HEAD", null, null));
    assertFalse(CrossSiteCheck.refused("OPTIONS", null, null));
  }

  @Test
  void aBodylessChangeWithoutTheHeaderIsRefused() {
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "post"}) {
      assertTrue(CrossSiteCheck.refused(method, null, null), method);
      assertTrue(CrossSiteCheck.refused(method, null, "  "), method + " with a blank header");
    }
  }

  @Test
  void whatAFormCanSendIsRefused() {
    for (String type :
        new String[] {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"}) {
      assertTrue(CrossSiteCheck.refused("POST", MediaType.valueOf(type), null), type);
    }
    assertTrue(CrossSiteCheck.refused("POST", MediaType.WILDCARD_TYPE, null));
    assertTrue(CrossSiteCheck.refused("POST", MediaType.valueOf("application/*"), null));
  }

  @Test
  void jsonOrTheHeaderLetsAChangeThrough() {
    assertFalse(CrossSiteCheck.refused("POST", JSON, null));
    assertFalse(
        CrossSiteCheck.refused("PUT", MediaType.valueOf("application/json;charset=UTF-8"), null));
    assertFalse(CrossSiteCheck.refused("POST", null, "switchboard"));
    assertFalse(CrossSiteCheck.refused("DELETE", null, "cli"));
    assertFalse(CrossSiteCheck.refused("POST", MediaType.TEXT_PLAIN_TYPE, "switchboard"));
  }
}
