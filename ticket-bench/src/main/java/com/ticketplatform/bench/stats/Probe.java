package com.ticketplatform.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures one phase: every call's latency (microseconds, HdrHistogram, 3 significant digits) overall and per
 * outcome, outcome counts ("201", "409", "429", "timeout", ...), the units a success moved (seats), and a per-second
 * series (throughput, p50/p99) for the charts. Thread-safe: load threads record, one ticker thread samples.
 */
public final class Probe {

  private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(120);

  private final String name;
  private final String path;
  private final Histogram all = new ConcurrentHistogram(MAX_MICROS, 3);
  private final Map<String, Histogram> byOutcome = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder okUnits = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final Recorder interval = new Recorder(MAX_MICROS, 3);
  private final List<Sample> series = new ArrayList<>();
  private Histogram recycled;
  private long startNanos;
  private long endNanos;
  private long startCpuNanos;
  private long endCpuNanos;

  /** One second of the phase: completions (all and successful) and latency percentiles in that second. */
  public record Sample(int second, long calls, long okCalls, double p50Ms, double p99Ms, double maxMs) {}

  private final LongAdder okInInterval = new LongAdder();

  public Probe(String name, String path) {
    this.name = name;
    this.path = path;
  }

  public String name() {
    return name;
  }

  public Probe start() {
    startNanos = System.nanoTime();
    startCpuNanos = ownCpuNanos();
    return this;
  }

  public void stop() {
    if (endNanos == 0) {
      endNanos = System.nanoTime();
      endCpuNanos = ownCpuNanos();
    }
  }

  /** This JVM's CPU time so far: the in-process generator's own share of the machine, reported with each phase. */
  private static long ownCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  /**
   * @param success whether the call achieved what it set out to (a 201 order, a 204 no-op, a sold seat ...)
   * @param units what a success moved (seats for an order, 1 otherwise)
   */
  public void record(long latencyNanos, String outcome, boolean success, int units) {
    long micros = Math.max(1, Math.min(MAX_MICROS, latencyNanos / 1_000));
    all.recordValue(micros);
    interval.recordValue(micros);
    byOutcome.computeIfAbsent(outcome, k -> new ConcurrentHistogram(MAX_MICROS, 3)).recordValue(micros);
    counts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    if (success) {
      ok.increment();
      okInInterval.increment();
      okUnits.add(units);
    }
  }

  /** Called once a second by the ticker. */
  public synchronized void tick() {
    recycled = interval.getIntervalHistogram(recycled);
    long okNow = okInInterval.sumThenReset();
    series.add(new Sample(series.size() + 1, recycled.getTotalCount(), okNow,
        ms(recycled.getValueAtPercentile(50)), ms(recycled.getValueAtPercentile(99)), ms(recycled.getMaxValue())));
  }

  public synchronized PhaseResult result(Map<String, Object> notes) {
    stop();
    double seconds = Math.max(1e-9, (endNanos - startNanos) / 1e9);
    Map<String, Long> outcomeCounts = new TreeMap<>();
    counts.forEach((k, v) -> outcomeCounts.put(k, v.sum()));
    Map<String, Latency> perOutcome = new TreeMap<>();
    byOutcome.forEach((k, h) -> perOutcome.put(k, Latency.of(h)));
    Map<String, Object> allNotes = new TreeMap<>(notes == null ? Map.of() : notes);
    allNotes.putIfAbsent("generator", "bench JVM");
    if (startCpuNanos > 0 && endCpuNanos >= startCpuNanos) {
      allNotes.putIfAbsent("generatorCpuPercentOfOneCore",
          Math.round((endCpuNanos - startCpuNanos) / 1e9 / seconds * 10000) / 100.0);
    }
    return new PhaseResult(name, path, seconds, all.getTotalCount(), ok.sum(), okUnits.sum(),
        ok.sum() / seconds, okUnits.sum() / seconds, all.getTotalCount() / seconds, Latency.of(all), perOutcome,
        outcomeCounts, List.copyOf(series), allNotes);
  }

  static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
