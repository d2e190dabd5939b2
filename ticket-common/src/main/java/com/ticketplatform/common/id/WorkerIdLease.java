package com.ticketplatform.common.id;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Snowflake worker id of this instance, leased in Redis rather than configured by hand, so that any number of
 * instances of a service issue distinct ids (docs/ARCHITECTURE.md §5). Each of the {@code 0..63} ids of a service is
 * a key {@code ticket:worker-id:<service>:<n>} set with NX and a time to live; the holder renews it every third of
 * that time. An instance that cannot renew in time stops issuing ids ({@link #current()} throws) rather than risk
 * sharing its id; when its key is gone (Redis restarted or flushed) it claims it again, or another free id.
 *
 * <p>The database stays the last guard: every id is a primary key, and a duplicate is an error, never "mine".
 */
public final class WorkerIdLease implements LongSupplier, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkerIdLease.class);
  static final String KEY_PREFIX = "ticket:worker-id:";

  /** Extends the lease only while this instance still holds it; 1 = renewed, 0 = lost. */
  private static final RedisScript<Long> RENEW = RedisScript.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      return 0""", Long.class);
  /** Gives the id back only while this instance still holds it. */
  private static final RedisScript<Long> RELEASE = RedisScript.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0""", Long.class);

  private final StringRedisTemplate redis;
  private final String service;
  private final Duration ttl;
  private final String owner = UUID.randomUUID().toString();
  private final ScheduledExecutorService renewer;
  private volatile long worker = -1;
  private volatile long validUntilNanos;

  private WorkerIdLease(StringRedisTemplate redis, String service, Duration ttl) {
    this.redis = redis;
    this.service = service;
    this.ttl = ttl;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "worker-id-lease");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Claims a free worker id for {@code service} now (or fails), and keeps it renewed until {@link #close()}. */
  public static WorkerIdLease acquire(StringRedisTemplate redis, String service, Duration ttl) {
    WorkerIdLease lease = new WorkerIdLease(redis, service, ttl);
    if (!lease.claim()) {
      lease.renewer.shutdownNow();
      throw new IllegalStateException("all " + (SnowflakeIdGenerator.MAX_WORKER + 1) + " worker ids of " + service
          + " are leased: more instances than ids, or leases of stopped instances not yet expired");
    }
    long period = Math.max(1, ttl.toMillis() / 3);
    lease.renewer.scheduleAtFixedRate(lease::renew, period, period, TimeUnit.MILLISECONDS);
    return lease;
  }

  /** The worker id, while the lease is known to be held; otherwise an {@link IllegalStateException}. */
  public long current() {
    long id = worker;
    if (id < 0 || System.nanoTime() - validUntilNanos > 0) {
      throw new IllegalStateException("the worker id lease of " + service + " could not be renewed; no ids now");
    }
    return id;
  }

  @Override
  public long getAsLong() {
    return current();
  }

  String key(long id) {
    return KEY_PREFIX + service + ":" + id;
  }

  private boolean claim() {
    long startedAt = System.nanoTime();
    for (long id = 0; id <= SnowflakeIdGenerator.MAX_WORKER; id++) {
      if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(id), owner, ttl))) {
        hold(id, startedAt);
        log.info("worker id {} leased for {}", id, service);
        return true;
      }
    }
    return false;
  }

  private void hold(long id, long since) {
    worker = id;
    // counted from before the claim was sent: Redis may have started the key's clock earlier than we learn of it
    validUntilNanos = since + ttl.toNanos();
  }

  void renew() {
    long startedAt = System.nanoTime();
    try {
      long id = worker;
      if (id < 0) {
        if (!claim()) {
          log.error("no worker id free for {}: ids are refused until one is", service);
        }
        return;
      }
      Long renewed = redis.execute(RENEW, List.of(key(id)), owner, Long.toString(ttl.toMillis()));
      if (renewed != null && renewed == 1) {
        hold(id, startedAt);
        return;
      }
      // the key is gone (Redis restarted or flushed) or someone else's: ours again if still free, else another id
      if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(id), owner, ttl))) {
        hold(id, startedAt);
        log.warn("worker id {} of {} re-claimed after its lease key disappeared", id, service);
      } else {
        worker = -1;
        log.warn("worker id {} of {} is held by another instance; leasing another", id, service);
        if (!claim()) {
          log.error("no worker id free for {}: ids are refused until one is", service);
        }
      }
    } catch (RuntimeException e) {
      log.warn("renewing the worker id lease of {} failed: {}", service, e.toString());
    }
  }

  /** Stops renewing without giving the id back: what a process cut off from Redis looks like. For tests. */
  void stopRenewing() {
    renewer.shutdownNow();
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    long id = worker;
    worker = -1;
    if (id >= 0) {
      try {
        redis.execute(RELEASE, List.of(key(id)), owner);
      } catch (RuntimeException e) {
        log.warn("releasing worker id {} of {} failed (it expires by itself): {}", id, service, e.toString());
      }
    }
  }
}
