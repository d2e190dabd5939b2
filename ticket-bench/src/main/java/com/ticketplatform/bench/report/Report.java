package com.ticketplatform.bench.report;

import com.ticketplatform.bench.invariant.Invariants;
import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.stats.PhaseResult;
import com.ticketplatform.bench.stats.Probe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run as result.json, report.html (latency over time and throughput, inline SVG) and results.md. */
public final class Report {

  private Report() {}

  public record Run(String startedAt, Map<String, String> machine, Map<String, String> options,
      Map<String, PhaseResult> phases, Map<String, Object> facts, Invariants.Verdict invariants,
      List<Targets.Target> targets) {}

  public static void write(Path dir, Run run) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("result.json"),
        Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.html"), html(run), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.md"), markdown(run), StandardCharsets.UTF_8);
  }

  public static String markdown(Run run) {
    StringBuilder md = new StringBuilder();
    if (run.facts().get("cpuMillisPerPlacedOrder") instanceof Map<?, ?> perOrder && !perOrder.isEmpty()) {
      Map<?, ?> jit = run.facts().get("jitCpuMillisPerPlacedOrder") instanceof Map<?, ?> m ? m : Map.of();
      md.append("CPU ms per placed order (").append(run.facts().get("cpuPlacedOrders"))
          .append(" orders over both on-sale passes, from /proc; the generator is not the platform). Of it, what the"
              + " JVMs' JIT compiler threads spent: a young process compiles while it serves, a warm one hardly at"
              + " all (at least this much: a compiler thread a JVM stopped takes its time with it, which"
              + " `TICKET_PERF=1` prevents for the services, Kafka and the Seata TC):\n\n")
          .append("| process | CPU ms / order | of which JIT compiling |\n|---|---:|---:|\n");
      perOrder.forEach((piece, ms) -> md.append("| ").append(piece).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", ((Number) ms).doubleValue())).append(" | ")
          .append(jit.get(piece) instanceof Number j ? String.format(Locale.ROOT, "%.2f", j.doubleValue()) : "")
          .append(" |\n"));
      md.append('\n');
    }
    if (run.facts().get("cpuMillisOfOnSaleSetup") instanceof Map<?, ?> setup && !setup.isEmpty()) {
      md.append("CPU ms of the on-sale's setup, before the passes and not in the figures above (two halls of the"
          + " on-sale's size, their programs and showtimes put on sale, 5 s for their events to settle): ");
      md.append(String.format(Locale.ROOT, "%.0f", ((Number) setup.get("total (platform)")).doubleValue()))
          .append(" in total");
      setup.entrySet().stream().filter(e -> !"total (platform)".equals(e.getKey()))
          .filter(e -> ((Number) e.getValue()).doubleValue() >= 100)
          .forEach(e -> md.append(", ").append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.0f",
              ((Number) e.getValue()).doubleValue())));
      md.append(".\n\n");
    }
    md.append("| phase | path | ok/s | seats/s | calls/s | p50 ms | p95 ms | p99 ms | max ms | outcomes | generator |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    run.phases().forEach((key, p) -> md.append(String.format(Locale.ROOT,
        "| %s | %s | %.1f | %s | %.1f | %.2f | %.2f | %.2f | %.2f | %s | %s |%n", p.name(), p.path(), p.okPerSecond(),
        p.okUnits() == p.okCalls() ? "" : String.format(Locale.ROOT, "%.1f", p.unitsPerSecond()), p.callsPerSecond(),
        p.latency().p50(), p.latency().p95(), p.latency().p99(), p.latency().max(), outcomes(p.outcomes()),
        generator(p))));
    md.append("\n| target | measured | goal | verdict |\n|---|---|---|---|\n");
    for (Targets.Target t : run.targets()) {
      md.append("| ").append(t.name()).append(" | ").append(t.measured()).append(" | ").append(t.goal())
          .append(" | ").append(Targets.verdict(t.pass())).append(" |\n");
    }
    if (run.invariants() != null) {
      md.append("\nInvariants: **").append(run.invariants().pass() ? "PASS" : "FAIL").append("**\n\n");
      run.invariants().checks().forEach(c -> md.append("- ").append(c.pass() ? "PASS " : "FAIL ").append(c.name())
          .append(": ").append(c.detail()).append('\n'));
    }
    return md.toString();
  }

  /**
   * Who drove the phase and how much of a core it took (so a reader can tell the generator's limit from the
   * platform's), and for wrk phases the answering process's CPU per call.
   */
  static String generator(PhaseResult p) {
    Object who = p.notes().get("generator");
    if (who == null) {
      return "";
    }
    StringBuilder g = new StringBuilder(String.valueOf(who));
    if (p.notes().get("generatorCpuPercentOfOneCore") instanceof Number cpu) {
      g.append(String.format(Locale.ROOT, ", %.0f%% of a core", cpu.doubleValue()));
    }
    if (p.notes().get("targetCpuMillisPerCall") instanceof Number perCall) {
      g.append(String.format(Locale.ROOT, "; service %.3f CPU ms/call", perCall.doubleValue()));
    }
    return g.toString();
  }

  static String outcomes(Map<String, Long> outcomes) {
    StringBuilder sb = new StringBuilder();
    outcomes.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
    return sb.toString();
  }

  public static String html(Run run) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>ticket platform load benchmark</title>")
        .append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}.pass{color:#080}.fail{color:#c00}")
        .append("svg{background:#fafafa;border:1px solid #ddd;margin:4px 0}</style></head><body>")
        .append("<h1>Load benchmark</h1><p>started ").append(esc(run.startedAt())).append(" &middot; machine ")
        .append(esc(String.valueOf(run.machine()))).append("</p><h2>Targets</h2><table><tr><th>target</th>")
        .append("<th>measured</th><th>goal</th><th>verdict</th></tr>");
    for (Targets.Target t : run.targets()) {
      String v = Targets.verdict(t.pass());
      h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(esc(t.measured())).append("</td><td>")
          .append(esc(t.goal())).append("</td><td class=\"").append(v.equals("FAIL") ? "fail" : "pass")
          .append("\">").append(v).append("</td></tr>");
    }
    h.append("</table>");
    if (run.invariants() != null) {
      h.append("<h2>Invariants: <span class=\"").append(run.invariants().pass() ? "pass\">PASS" : "fail\">FAIL")
          .append("</span></h2><ul>");
      run.invariants().checks().forEach(c -> h.append("<li class=\"").append(c.pass() ? "pass" : "fail")
          .append("\">").append(esc(c.name())).append(": ").append(esc(c.detail())).append("</li>"));
      h.append("</ul>");
    }
    h.append("<h2>Phases</h2><table><tr><th>phase</th><th>path</th><th>ok/s</th><th>seats/s</th><th>calls/s</th>")
        .append("<th>p50</th><th>p95</th><th>p99</th><th>max (ms)</th><th>outcomes</th><th>generator</th></tr>");
    run.phases().values().forEach(p -> h.append(String.format(Locale.ROOT,
        "<tr><td>%s</td><td>%s</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
            + "<td>%.2f</td><td>%s</td><td>%s</td></tr>", esc(p.name()), esc(p.path()), p.okPerSecond(),
        p.unitsPerSecond(), p.callsPerSecond(), p.latency().p50(), p.latency().p95(), p.latency().p99(),
        p.latency().max(), esc(outcomes(p.outcomes())), esc(generator(p)))));
    h.append("</table><h2>Over time</h2>");
    run.phases().values().forEach(p -> {
      h.append("<h3>").append(esc(p.name())).append("</h3>");
      h.append(chart("successful calls per second", p.series(), Probe.Sample::okCalls, "#1565c0"));
      h.append(chart("p99 latency (ms) per second", p.series(), s -> s.p99Ms(), "#c62828"));
      h.append(chart("p50 latency (ms) per second", p.series(), s -> s.p50Ms(), "#2e7d32"));
    });
    return h.append("</body></html>").toString();
  }

  /** A line chart of one series as inline SVG, with its y-axis maximum and x-axis length written on it. */
  static String chart(String title, List<Probe.Sample> series, java.util.function.ToDoubleFunction<Probe.Sample> y,
      String colour) {
    int w = 520;
    int hgt = 120;
    double max = series.stream().mapToDouble(y).max().orElse(0);
    double top = max <= 0 ? 1 : max * 1.1;
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < series.size(); i++) {
      double x = series.size() == 1 ? w / 2.0 : 40 + i * (w - 50.0) / (series.size() - 1);
      double yy = hgt - 15 - y.applyAsDouble(series.get(i)) / top * (hgt - 30);
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, yy));
    }
    return String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>"
        + "<text x=\"40\" y=\"11\" font-size=\"11\">%s (max %.2f)</text>"
        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%d s</text>"
        + "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/></svg> ", w, hgt, esc(title),
        esc(title), max, w - 5, hgt - 2, series.size(), colour, pts.toString().trim());
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  public static Map<String, String> machine() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.version"));
    return m;
  }
}
