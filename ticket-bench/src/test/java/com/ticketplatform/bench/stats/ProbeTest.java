package com.ticketplatform.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.bench.load.Load;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProbeTest {

  @Test
  void percentilesCountsAndUnitsComeFromWhatWasRecorded() {
    Probe probe = new Probe("orders", "direct").start();
    for (int i = 1; i <= 100; i++) {
      probe.record(i * 1_000_000L, i <= 90 ? "201" : "409", i <= 90, 3);
    }
    probe.record(5_000_000L, "503:SERVICE_UNAVAILABLE", false, 0);
    probe.tick();
    PhaseResult r = probe.result(Map.of("k", "v"));

    assertThat(r.calls()).isEqualTo(101);
    assertThat(r.okCalls()).isEqualTo(90);
    assertThat(r.okUnits()).isEqualTo(270);
    assertThat(r.latency().p50()).isBetween(49.9, 51.1);
    assertThat(r.latency().p99()).isBetween(98.9, 100.1);
    assertThat(r.latency().max()).isBetween(99.9, 100.1);
    assertThat(r.latencyByOutcome().get("409").p50()).isBetween(94.9, 96.1);
    assertThat(r.outcomes()).containsEntry("201", 90L).containsEntry("409", 10L)
        .containsEntry("503:SERVICE_UNAVAILABLE", 1L);
    // a 409 is the expected refusal of a taken seat, the 503 is an error
    assertThat(r.errorCalls()).isEqualTo(1);
    assertThat(r.series()).hasSize(1);
    assertThat(r.series().get(0).calls()).isEqualTo(101);
    assertThat(r.series().get(0).okCalls()).isEqualTo(90);
    assertThat(r.notes()).containsEntry("k", "v");
  }

  @Test
  void theSeriesHoldsOneSamplePerTickWithOnlyThatIntervalsCalls() {
    Probe probe = new Probe("p", "x").start();
    probe.record(2_000_000L, "204", true, 1);
    probe.tick();
    probe.record(8_000_000L, "204", true, 1);
    probe.record(8_000_000L, "204", true, 1);
    probe.tick();
    PhaseResult r = probe.result(null);
    assertThat(r.series()).extracting(Probe.Sample::calls).containsExactly(1L, 2L);
    assertThat(r.series().get(0).p99Ms()).isBetween(1.99, 2.01);
    assertThat(r.series().get(1).p50Ms()).isBetween(7.99, 8.01);
  }

  @Test
  void closedLoopTimesEveryCallAndCountsExceptionsAsErrors() {
    Probe probe = new Probe("loop", "x");
    AtomicInteger calls = new AtomicInteger();
    Load.closedLoop(probe, 4, 10, (w, i) -> {
      int n = calls.incrementAndGet();
      if (n > 40) {
        return null;
      }
      if (n % 10 == 0) {
        throw new java.net.http.HttpTimeoutException("slow");
      }
      return Load.Outcome.ok("201", 2);
    });
    PhaseResult r = probe.result(Map.of());
    assertThat(r.calls()).isBetween(40L, 43L);
    assertThat(r.outcomes().get("timeout")).isEqualTo(4L);
    assertThat(r.okUnits()).isEqualTo(2 * r.okCalls());
    assertThat(r.seconds()).isLessThan(5);
  }

  @Test
  void openLoopOffersTheRateAndMeasuresFromWhenACallWasDue() {
    Probe probe = new Probe("rate", "x");
    Load.openLoop(probe, 200, 0.5, 16,
        () -> java.util.concurrent.CompletableFuture.completedFuture(Load.Outcome.ok("201", 1)));
    PhaseResult r = probe.result(Map.of());
    assertThat(r.calls()).isEqualTo(100);
    assertThat(r.seconds()).isBetween(0.4, 2.0);
  }
}
