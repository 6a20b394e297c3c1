package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {

  @Test
  void theCursorOfTheNamedRelationIsTakenFromOneHeaderOrSeveral() {
    String header =
        "<http://h/switchboard/api/tasks?state=PENDING,RUNNING&cursor=YWZ0ZXI>; rel=\"next\","
            + " <http://h/switchboard/api/tasks?state=PENDING,RUNNING&cursor=YmVm>; rel=\"prev\","
            + " <http://h/switchboard/api/tasks?state=PENDING,RUNNING>; rel=\"first\"";
    assertEquals("YWZ0ZXI", Links.cursor(List.of(header), "next"));
    assertEquals("YmVm", Links.cursor(List.of(header), "prev"));
    assertNull(Links.cursor(List.of(header), "first"), "the first page has no cursor");
    assertEquals(
        "c-1",
        Links.cursor(
            List.of("<http://h/a?x=1>; rel=first", "<http://h/a?cursor=c-1>;rel=next"), "next"));
  }

  @Test
  void noSuchRelationIsNull() {
    assertNull(Links.cursor(List.of(), "next"));
    assertNull(Links.cursor(List.of("<http://h/a?cursor=x>; rel=\"prev\""), "next"));
  }
}
