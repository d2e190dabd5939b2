package com.ticketplatform.bench.load;

import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.stats.Latency;
import com.ticketplatform.bench.stats.PhaseResult;
import com.ticketplatform.bench.stats.ProcessCpu;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Drives an HTTP phase with wrk (Debian's, a C generator) as a process of its own, so the figure is the service's and
 * not the generator's: the JVM generator shares the two cores with the platform and saturates first (docs/benchmark.md,
 * "Generators"). The request is described here and filled into {@code wrk/drive.lua}; the run's CPU is read from
 * /proc for wrk and for the process that answers it, so the report says whose limit a figure is.
 */
public final class Wrk {

  private static final String RESULT = "WRK-RESULT ";

  private Wrk() {}

  /**
   * One wrk run. {@code headerSets} are taken in turn, one per request (identities); {@code idempotencyHeader}, when
   * set, gets a value unique to the request; {@code rate} (requests/s for the whole run) paces it, 0 runs flat out.
   * {@code ok} are the statuses that count as the expected answer; {@code target} the pid whose CPU per call is
   * reported (-1: none).
   */
  public record Spec(String name, String pathLabel, URI url, String method, String body,
      List<Map<String, String>> headerSets, String idempotencyHeader, int threads, int connections, double seconds,
      double rate, Set<Integer> ok, long target) {}

  /** The wrk on the PATH, or null. */
  public static Path executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, "wrk");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  public static PhaseResult run(Spec spec) throws IOException, InterruptedException {
    Path wrk = executable();
    if (wrk == null) {
      throw new IllegalStateException("wrk is not installed (./ticket bench installs it: apt-get install wrk)");
    }
    Path script = Files.createTempFile("bench-wrk-", ".lua");
    try {
      Files.writeString(script, script(spec), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + spec.threads(),
          "-c" + spec.connections(), "-d" + Math.max(1, Math.round(spec.seconds())) + "s", "--timeout", "10s",
          "-s", script.toString(), spec.url().toString()));
      long targetBefore = spec.target() > 0 ? ProcessCpu.ticksOf(spec.target()) : 0;
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      // wrk's CPU can only be read while it runs: sampled until it exits, the last sample is (nearly) its total
      long wrkTicks = 0;
      StringBuilder out = new StringBuilder();
      try (InputStream in = process.getInputStream()) {
        Thread reader = new Thread(() -> {
          try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            synchronized (out) {
              out.append(text);
            }
          } catch (IOException e) {
            synchronized (out) {
              out.append("read failed: ").append(e.getMessage());
            }
          }
        }, "wrk-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) spec.seconds() + 30);
        while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
          wrkTicks = Math.max(wrkTicks, ProcessCpu.ticksOf(process.pid()));
          if (System.nanoTime() > deadline) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + String.join(" ", command));
          }
        }
        reader.join(5_000);
      }
      long targetTicks = spec.target() > 0 ? ProcessCpu.ticksOf(spec.target()) - targetBefore : 0;
      String text;
      synchronized (out) {
        text = out.toString();
      }
      int at = text.lastIndexOf(RESULT);
      if (process.exitValue() != 0 || at < 0) {
        throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "): " + text.strip());
      }
      JsonNode r = Http.JSON.readTree(text.substring(at + RESULT.length()).lines().findFirst().orElse("{}"));
      return result(spec, r, wrkTicks, targetTicks, ProcessCpu.clockTicks());
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** The phase as the report shows every phase, from wrk's own summary. */
  static PhaseResult result(Spec spec, JsonNode r, long wrkTicks, long targetTicks, long ticksPerSecond) {
    double seconds = Math.max(1e-9, r.path("durationMicros").asLong() / 1e6);
    long requests = r.path("requests").asLong();
    Map<String, Long> outcomes = new TreeMap<>();
    long ok = 0;
    for (Map.Entry<String, JsonNode> e : r.path("statuses").properties()) {
      outcomes.put(e.getKey(), e.getValue().asLong());
      if (spec.ok().contains(Integer.parseInt(e.getKey()))) {
        ok += e.getValue().asLong();
      }
    }
    for (String error : List.of("connectErrors", "readErrors", "writeErrors", "timeouts")) {
      long n = r.path(error).asLong();
      if (n > 0) {
        outcomes.put(error.replace("Errors", " error").replace("timeouts", "timeout"), n);
      }
    }
    Latency latency = new Latency(requests, ms(r.path("p50").asLong()), ms(r.path("p95").asLong()),
        ms(r.path("p99").asLong()), ms(r.path("max").asLong()), ms(Math.round(r.path("mean").asDouble())));
    Map<String, Object> notes = new TreeMap<>();
    notes.put("generator", "wrk -t" + spec.threads() + " -c" + spec.connections()
        + (spec.rate() > 0 ? String.format(Locale.ROOT, ", paced at %.0f/s", spec.rate()) : ""));
    notes.put("generatorCpuPercentOfOneCore", round(100.0 * wrkTicks / ticksPerSecond / seconds));
    if (spec.target() > 0 && requests > 0) {
      notes.put("targetCpuMillisPerCall", round(1000.0 * targetTicks / ticksPerSecond / requests));
      notes.put("targetCpuPercentOfOneCore", round(100.0 * targetTicks / ticksPerSecond / seconds));
    }
    if (spec.rate() > 0) {
      notes.put("offeredPerSecond", round(spec.rate()));
    }
    return new PhaseResult(spec.name(), spec.pathLabel(), seconds, requests, ok, ok, ok / seconds, ok / seconds,
        requests / seconds, latency, Map.of(), outcomes, List.of(), notes);
  }

  static String script(Spec spec) throws IOException {
    String template;
    try (InputStream in = Wrk.class.getResourceAsStream("/wrk/drive.lua")) {
      if (in == null) {
        throw new IllegalStateException("wrk/drive.lua is missing from the bench jar");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder s = new StringBuilder();
    s.append("METHOD = ").append(lua(spec.method())).append('\n');
    s.append("PATH = ").append(lua(pathOf(spec.url()))).append('\n');
    s.append("BODY = ").append(spec.body() == null ? "nil" : lua(spec.body())).append('\n');
    s.append("IDEMPOTENCY_HEADER = ").append(lua(spec.idempotencyHeader() == null ? "" : spec.idempotencyHeader()))
        .append('\n');
    s.append("KEY_PREFIX = ").append(lua("wrk-" + Long.toString(System.nanoTime(), 36))).append('\n');
    s.append(String.format(Locale.ROOT, "RATE = %.3f%nTHREADS = %d%n", spec.rate(), spec.threads()));
    s.append("HEADER_SETS = {\n");
    for (Map<String, String> set : spec.headerSets().isEmpty() ? List.of(Map.<String, String>of())
        : spec.headerSets()) {
      s.append("  {");
      set.forEach((k, v) -> s.append(" [").append(lua(k)).append("] = ").append(lua(v)).append(','));
      s.append(" },\n");
    }
    s.append("}\n");
    return template.replace("--@@SETTINGS@@", s.toString());
  }

  private static String pathOf(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  /** A Lua string literal. */
  static String lua(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\%03d", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
