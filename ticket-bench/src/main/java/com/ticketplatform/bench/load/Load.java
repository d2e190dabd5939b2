package com.ticketplatform.bench.load;

import com.ticketplatform.bench.stats.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Closed-loop workers and an open-loop (fixed offered rate) driver, both sampling their probes every second. */
public final class Load {

  private Load() {}

  /** What one call achieved. {@code stop} ends this worker's loop (the user is done: limit reached, sold out). */
  public record Outcome(String label, boolean success, int units, boolean stop, long nanos) {
    public Outcome(String label, boolean success, int units, boolean stop) {
      this(label, success, units, stop, -1);
    }

    public static Outcome ok(String label, int units) {
      return new Outcome(label, true, units, false);
    }

    public static Outcome refused(String label) {
      return new Outcome(label, false, 0, false);
    }

    /** The same outcome with the latency the call measured itself (when it did more than the timed request). */
    public Outcome took(long latencyNanos) {
      return new Outcome(label, success, units, stop, latencyNanos);
    }
  }

  /** One worker's next call; returns null when the worker has nothing left to do (not recorded). */
  @FunctionalInterface
  public interface Call {
    Outcome call(int worker, long iteration) throws Exception;
  }

  /**
   * Runs {@code workers} threads, each calling {@code call} back to back until it returns null or a stop outcome,
   * or until {@code maxSeconds} passed. Every call is timed and recorded on the probe (exceptions as their class).
   */
  public static void closedLoop(Probe probe, int workers, double maxSeconds, Call call) {
    AtomicBoolean over = new AtomicBoolean();
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    try (Ticker ignored = new Ticker(probe)) {
      probe.start();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        Thread t = new Thread(() -> {
          for (long i = 0; !over.get() && System.nanoTime() < deadline; i++) {
            long t0 = System.nanoTime();
            Outcome outcome;
            try {
              outcome = call.call(worker, i);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            } catch (Exception e) {
              outcome = Outcome.refused(errorLabel(e));
            }
            if (outcome == null) {
              return;
            }
            long took = outcome.nanos() >= 0 ? outcome.nanos() : System.nanoTime() - t0;
            probe.record(took, outcome.label(), outcome.success(), outcome.units());
            if (outcome.stop()) {
              return;
            }
          }
        }, probe.name() + "-" + w);
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        long left = deadline - System.nanoTime() + 30_000_000_000L;
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      over.set(true);
      probe.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Offers {@code rate} calls per second for {@code seconds}, whatever the system answers (open loop). Latency is
   * taken from the moment a call was due, not when it was sent, so a stalled system cannot hide its queue
   * (coordinated omission). At most {@code maxInFlight} calls are outstanding; a call that finds no slot is recorded
   * as "dropped" with the time it waited.
   */
  public static void openLoop(Probe probe, double rate, double seconds, int maxInFlight,
      Supplier<CompletableFuture<Outcome>> call) {
    Semaphore slots = new Semaphore(maxInFlight);
    long intervalNanos = (long) (1e9 / rate);
    long total = (long) (rate * seconds);
    try (Ticker ignored = new Ticker(probe)) {
      long start = System.nanoTime();
      probe.start();
      for (long i = 0; i < total; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (!slots.tryAcquire()) {
          probe.record(System.nanoTime() - due, "dropped", false, 0);
          continue;
        }
        CompletableFuture<Outcome> f;
        try {
          f = call.get();
        } catch (RuntimeException e) {
          slots.release();
          probe.record(System.nanoTime() - due, errorLabel(e), false, 0);
          continue;
        }
        f.whenComplete((outcome, error) -> {
          long latency = System.nanoTime() - due;
          if (error != null) {
            probe.record(latency, errorLabel(error), false, 0);
          } else {
            probe.record(latency, outcome.label(), outcome.success(), outcome.units());
          }
          slots.release();
        });
      }
      slots.acquire(maxInFlight);
      probe.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static String errorLabel(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
        || cause instanceof java.util.concurrent.ExecutionException)) {
      cause = cause.getCause();
    }
    if (cause instanceof java.net.http.HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connect-refused";
    }
    return "error:" + cause.getClass().getSimpleName();
  }

  /** Samples a probe once a second while a phase runs. */
  static final class Ticker implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "probe-ticker");
      t.setDaemon(true);
      return t;
    });
    private final Probe probe;

    Ticker(Probe probe) {
      this.probe = probe;
      timer.scheduleAtFixedRate(probe::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
      probe.tick();
    }
  }
}
