package dev.switchboard.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.ThroughputSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterTest {

  static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void countsLandInTheirIntervalAndLatencyIsAveraged() {
    Meter meter = new Meter(10, 6);
    meter.add(T0.plusSeconds(1), 5, 0, 0, new long[0]);
    meter.add(T0.plusSeconds(12), 0, 2, 1, new long[] {100, 300});
    List<ThroughputSample> samples = meter.recent(T0.plusSeconds(15), 1);
    assertEquals(6, samples.size());
    ThroughputSample previous = samples.get(4);
    ThroughputSample last = samples.get(5);
    assertEquals("2026-11-26T08:00:00Z", previous.start());
    assertEquals(5, previous.submitted());
    assertEquals(2, last.completed());
    assertEquals(1, last.failed());
    assertEquals(200.0, last.meanLatencyMs());
    assertEquals(300, last.maxLatencyMs());
  }

  @Test
  void anIntervalOlderThanTheRingIsForgotten() {
    Meter meter = new Meter(10, 6);
    meter.add(T0, 7, 0, 0, new long[0]);
    meter.add(T0.plusSeconds(60), 1, 0, 0, new long[0]);
    List<ThroughputSample> samples = meter.recent(T0.plusSeconds(60), 1);
    assertEquals(0, samples.stream().filter(s -> s.submitted() == 7).count());
    assertEquals(1, samples.get(5).submitted());
  }
}
