package com.ticketplatform.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.stats.PhaseResult;
import com.ticketplatform.bench.stats.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  /** A phase that made {@code ok} successful calls (and one 409) in one second. */
  static PhaseResult phase(String name, int ok, long latencyMicros) {
    Probe p = new Probe(name, "x").start();
    for (int i = 0; i < ok; i++) {
      p.record(latencyMicros * 1000, "201", true, 1);
    }
    p.record(latencyMicros * 1000, "409", false, 0);
    p.tick();
    PhaseResult r = p.result(Map.of());
    // pin the duration to one second so the rates are exact
    return new PhaseResult(r.name(), r.path(), 1.0, r.calls(), r.okCalls(), r.okUnits(), ok, r.okUnits(),
        r.calls(), r.latency(), r.latencyByOutcome(), r.outcomes(), r.series(), r.notes());
  }

  @Test
  void ratiosAreJudgedAgainstTheCeilingsOfTheSameRun() {
    Map<String, PhaseResult> phases = new LinkedHashMap<>();
    phases.put(Targets.D, phase("D", 1000, 1000));
    phases.put(Targets.ONSALE_GATEWAY, phase("gw", 120, 20_000));
    phases.put(Targets.H, phase("H", 2000, 500));
    phases.put(Targets.H_GATEWAY, phase("Hgw", 500, 2000));
    phases.put(Targets.RATE, phase("rate", 50, 60_000));
    List<Targets.Target> t = Targets.evaluate(phases, true, true, null);

    assertThat(find(t, "full orders/s").pass()).isTrue();
    assertThat(find(t, "full orders/s").measured()).contains("12.0%");
    assertThat(find(t, "no-op through the gateway").pass()).isFalse();
    assertThat(find(t, "no-op through the gateway").measured()).contains("25.0%");
    assertThat(find(t, "order p99 at 70%").pass()).isFalse();
    assertThat(find(t, "lock-and-reject").pass()).isNull();
    assertThat(find(t, "oversubscribed").pass()).isNull();
    assertThat(find(t, "zero oversell").pass()).isTrue();
  }

  @Test
  void theRejectPathCountsItsRefusalsAsTheWorkDone() {
    Map<String, PhaseResult> phases = new LinkedHashMap<>();
    phases.put(Targets.R, phase("R", 10_000, 100));
    phases.put(Targets.REJECT, phase("reject", 0, 3000));
    List<Targets.Target> t = Targets.evaluate(phases, null, null, null);
    // one 409 per second against R = 10,000/s
    assertThat(find(t, "lock-and-reject").measured()).startsWith("1.00/s = 0.0%");
    // the latency goal is read from the phase offered at a fixed rate, not from the saturated one
    assertThat(find(t, "409 p99").pass()).isNull();
    phases.put(Targets.REJECT_PACED, phase("paced", 0, 3000));
    assertThat(find(Targets.evaluate(phases, null, null, null), "409 p99").pass()).isTrue();
    phases.put(Targets.REJECT_PACED, phase("paced", 0, 9000));
    assertThat(find(Targets.evaluate(phases, null, null, null), "409 p99").measured()).startsWith("9.0");
    assertThat(find(Targets.evaluate(phases, null, null, null), "409 p99").pass()).isFalse();
  }

  @Test
  void writesJsonHtmlAndMarkdown(@TempDir Path dir) throws Exception {
    Map<String, PhaseResult> phases = new LinkedHashMap<>();
    phases.put(Targets.ONSALE_GATEWAY, phase("on-sale <gateway>", 30, 15_000));
    Report.Run run = new Report.Run("2026-01-01T00:00:00Z", Report.machine(), Map.of("users", "200"), phases,
        Map.of("hotSeatWinners", 1), null, Targets.evaluate(phases, true, true, true));
    Report.write(dir, run);

    JsonNode json = Http.JSON.readTree(dir.resolve("result.json").toFile());
    assertThat(json.at("/phases/onsale.gateway/okCalls").asLong()).isEqualTo(30);
    assertThat(json.at("/phases/onsale.gateway/latency/p99").asDouble()).isBetween(14.9, 15.1);
    assertThat(json.at("/facts/hotSeatWinners").asInt()).isEqualTo(1);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg").contains("on-sale &lt;gateway&gt;").doesNotContain("on-sale <gateway>");
    String md = Files.readString(dir.resolve("results.md"));
    assertThat(md).contains("| on-sale <gateway> | x | 30.0 |").contains("| hot seat: exactly one winner | PASS |");
  }

  @Test
  void theCpuTableShowsWhatTheJitCompilersSpentBesideEachProcess() {
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Double> perOrder = new LinkedHashMap<>();
    perOrder.put("ticket-order-service", 4.5);
    perOrder.put("redis", 0.6);
    perOrder.put("total (platform)", 5.1);
    Map<String, Double> jit = new LinkedHashMap<>();
    jit.put("ticket-order-service", 1.25);
    jit.put("redis", 0.0);
    jit.put("total (platform)", 1.25);
    facts.put("cpuMillisPerPlacedOrder", perOrder);
    facts.put("jitCpuMillisPerPlacedOrder", jit);
    facts.put("cpuPlacedOrders", 2000);
    String md = Report.markdown(new Report.Run("2026-01-01T00:00:00Z", Report.machine(), Map.of(), Map.of(), facts,
        null, List.of()));
    assertThat(md).contains("2000 orders").contains("| process | CPU ms / order | of which JIT compiling |")
        .contains("| ticket-order-service | 4.50 | 1.25 |").contains("| redis | 0.60 | 0.00 |")
        .contains("| total (platform) | 5.10 | 1.25 |");
  }

  @Test
  void chartPlotsOnePointPerSecond() {
    List<Probe.Sample> series = List.of(new Probe.Sample(1, 10, 10, 1, 2, 3), new Probe.Sample(2, 20, 20, 1, 4, 5),
        new Probe.Sample(3, 5, 5, 1, 1, 1));
    String svg = Report.chart("ok/s", series, Probe.Sample::okCalls, "#000");
    String points = svg.substring(svg.indexOf("points=\"") + 8, svg.lastIndexOf("\""));
    assertThat(points.split(" ")).hasSize(3);
    assertThat(svg).contains("(max 20.00)").contains("3 s");
  }

  static Targets.Target find(List<Targets.Target> targets, String prefix) {
    return targets.stream().filter(t -> t.name().startsWith(prefix)).findFirst().orElseThrow();
  }
}
