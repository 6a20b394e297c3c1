package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionReadsTest {

  @Test
  void aServerOnlyExpressionIsCacheableWithoutOutsidePaths() {
    ExpressionReads.Reads reads = ExpressionReads.of("server.attributes.gpu == 'a100'");
    assertTrue(reads.cacheable());
    assertEquals(List.of(), reads.paths());
  }

  @Test
  void dottedPathsOfTaskUserAndClientAreCollected() {
    ExpressionReads.Reads reads =
        ExpressionReads.of(
            "server.attributes.cores >= user.attributes.minCores"
                + " && server.zone == client.zone && server.zone == client.zone");
    assertTrue(reads.cacheable());
    assertEquals(
        List.of(List.of("user", "attributes", "minCores"), List.of("client", "zone")),
        reads.paths());
  }

  @Test
  void indexingOrBareVariablesAreNotCacheable() {
    assertFalse(ExpressionReads.of("server.zone == client.attributes['zone']").cacheable());
    assertFalse(ExpressionReads.of("size(task) > 2").cacheable());
  }

  @Test
  void loadFreeSlotsAndAgesChangeWithoutANewSnapshot() {
    assertFalse(ExpressionReads.of("server.freeSlots >= 2.0").cacheable());
    assertFalse(ExpressionReads.of("server.load < 3.0").cacheable());
    assertFalse(ExpressionReads.of("server.idlePowerAge < duration('5s')").cacheable());
  }

  @Test
  void wordsInsideStringLiteralsAndFieldNamesDoNotCount() {
    assertTrue(ExpressionReads.of("server.attributes.note == 'task[load]'").cacheable());
    ExpressionReads.Reads reads = ExpressionReads.of("server.attributes.user == 'ops'");
    assertTrue(reads.cacheable());
    assertEquals(List.of(), reads.paths());
  }
}
