package com.ticketplatform.starter.keys;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps every {@link KeyRing} bean of the service fresh and adds due generations ({@link KeyRing#maintain()}) every
 * {@code ticket.keys.check-every}, on a thread of its own: no service has to switch on Spring's scheduling for it. A
 * failed check leaves the keys in memory usable; the next one tries again.
 */
public final class KeyRingMaintenance implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KeyRingMaintenance.class);

  private final Supplier<List<KeyRing>> rings;
  private final Duration every;
  private volatile List<KeyRing> maintained = List.of();
  private ScheduledExecutorService executor;

  /** @param rings the rings, asked for once when started (after every singleton exists) */
  public KeyRingMaintenance(Supplier<List<KeyRing>> rings, Duration every) {
    this.rings = rings;
    this.every = every;
  }

  /** One check of every ring. */
  public void maintainAll() {
    for (KeyRing ring : maintained) {
      try {
        ring.maintain();
      } catch (RuntimeException e) {
        log.warn("key {} maintenance failed: {}", ring.purpose(), e.toString());
      }
    }
  }

  /** The rings it keeps fresh (none before it is started). */
  public List<KeyRing> rings() {
    return maintained;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    maintained = List.copyOf(rings.get());
    if (maintained.isEmpty() || every.isZero() || every.isNegative()) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "key-ring-maintenance");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::maintainAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
