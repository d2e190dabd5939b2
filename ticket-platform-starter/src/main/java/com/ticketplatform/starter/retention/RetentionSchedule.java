package com.ticketplatform.starter.retention;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's {@link RetentionPurge}s one after the other on a thread of their own, every interval: no service
 * has to switch on Spring's scheduling for them, and a long purge never delays the service's own jobs.
 */
public final class RetentionSchedule {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final List<RetentionPurge> purges;
  private final Duration interval;
  private final Duration initialDelay;
  private ScheduledExecutorService executor;

  public RetentionSchedule(List<RetentionPurge> purges, Duration interval, Duration initialDelay) {
    this.purges = List.copyOf(purges);
    this.interval = interval;
    this.initialDelay = initialDelay;
  }

  public List<RetentionPurge> purges() {
    return purges;
  }

  /** The purge of a table, as configured. */
  public Optional<RetentionPurge> of(String table) {
    return purges.stream().filter(p -> p.table().equals(table)).findFirst();
  }

  public synchronized void start() {
    if (purges.isEmpty() || executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "retention-purge");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::runAll, initialDelay.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info("retention: {} every {}", purges, interval);
  }

  public void runAll() {
    for (RetentionPurge purge : purges) {
      purge.purge();
    }
  }

  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
