package com.ticketplatform.program.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.program.config.ProgramProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-through Redis cache for catalogue reads (docs/ARCHITECTURE.md §4). A miss is rebuilt by exactly one caller at a time
 * (Redisson lock + double check, against cache breakdown); the others wait for its result instead of all hitting the
 * database. "Does not exist" is cached briefly (penetration by ids the Bloom filter let through), and every TTL is
 * jittered (avalanche). Values read through {@link #getOrLoadNear} are also kept in this instance's memory for
 * {@code near-ttl}: {@link #evict} drops both copies here, and other instances' near copies expire by themselves.
 */
@Component
public class CatalogueCache {

  private static final Logger log = LoggerFactory.getLogger(CatalogueCache.class);
  static final String NONE = "~none~";

  private final RedissonClient redisson;
  private final ObjectMapper json;
  private final ProgramProperties.Cache settings;
  private final JitteredTtl ttl;
  private final JitteredTtl missTtl;
  private final MeterRegistry meters;
  /** Redis key → decoded value; bounded, as a large hall's layout is a few hundred kB. */
  private final Cache<String, Object> near;

  public CatalogueCache(RedissonClient redisson, ObjectMapper json, ProgramProperties properties,
      RandomGenerator ttlRandom, MeterRegistry meters) {
    this.redisson = redisson;
    this.json = json;
    this.settings = properties.cache();
    this.ttl = new JitteredTtl(settings.ttl(), settings.jitter(), ttlRandom);
    this.missTtl = new JitteredTtl(settings.missTtl(), settings.jitter(), ttlRandom);
    this.meters = meters;
    this.near = Caffeine.newBuilder()
        .expireAfterWrite(settings.nearTtl())
        .maximumSize(settings.nearTtl().isZero() ? 0 : 256)
        .build();
  }

  public String programDetailKey(long programId) {
    return settings.keyPrefix() + "cache:program:" + programId;
  }

  public String showtimeLayoutKey(long showtimeId) {
    return settings.keyPrefix() + "cache:showtime:" + showtimeId;
  }

  /**
   * The cached value, or the loader's result stored for next time. {@code cacheName} tags the metrics
   * ({@code ticket.program.cache.hits} and {@code .misses} give the hit ratio; {@code ticket.program.cache.loads} counts
   * loader runs, i.e. database loads, fewer than misses when callers waited for one rebuild).
   */
  public <T> Optional<T> getOrLoad(String cacheName, String key, Class<T> type, Supplier<Optional<T>> loader) {
    // both looked up on every read, so the hit ratio has its two series from the first read on
    Counter hits = meters.counter("ticket.program.cache.hits", "cache", cacheName);
    Counter misses = meters.counter("ticket.program.cache.misses", "cache", cacheName);
    RBucket<String> bucket = redisson.getBucket(key, StringCodec.INSTANCE);
    String cached = bucket.get();
    if (cached != null) {
      Optional<T> hit = decode(cached, type);
      if (hit != null) {
        hits.increment();
        return hit;
      }
      bucket.delete();
    }
    misses.increment();
    RLock lock = redisson.getLock(key + ":lock");
    boolean locked;
    try {
      locked = lock.tryLock(settings.lockWait().toMillis(), settings.lockLease().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    if (!locked) {
      // the rebuild by another caller is taking longer than we may wait: its result may just have landed
      cached = bucket.get();
      Optional<T> hit = cached == null ? null : decode(cached, type);
      if (hit != null) {
        return hit;
      }
      throw busy();
    }
    try {
      cached = bucket.get();
      Optional<T> hit = cached == null ? null : decode(cached, type);
      if (hit != null) {
        return hit;
      }
      meters.counter("ticket.program.cache.loads", "cache", cacheName).increment();
      Optional<T> loaded = loader.get();
      Duration timeToLive = loaded.isPresent() ? ttl.next() : missTtl.next();
      bucket.set(loaded.map(this::encode).orElse(NONE), timeToLive);
      return loaded;
    } finally {
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }

  /**
   * {@link #getOrLoad}, with the value kept in this instance's memory for {@code near-ttl} as well: for reads so hot
   * that fetching and decoding the Redis copy each time is their main cost (a seat map's showtime layout, read on
   * every seat map request: docs/ARCHITECTURE.md §4). "Does not exist" is never kept near.
   */
  public <T> Optional<T> getOrLoadNear(String cacheName, String key, Class<T> type, Supplier<Optional<T>> loader) {
    Optional<T> known = near(cacheName, key, type);
    if (known.isPresent()) {
      return known;
    }
    Optional<T> value = getOrLoad(cacheName, key, type, loader);
    value.ifPresent(v -> near.put(key, v));
    return value;
  }

  /**
   * The value this instance keeps near under {@code key}, if it does: no Redis, no loader. Only values that exist are
   * kept near, so a caller may skip its existence checks on a hit.
   */
  public <T> Optional<T> near(String cacheName, String key, Class<T> type) {
    Object known = near.getIfPresent(key);
    if (!type.isInstance(known)) {
      return Optional.empty();
    }
    meters.counter("ticket.program.cache.hits", "cache", cacheName).increment();
    return Optional.of(type.cast(known));
  }

  public void evict(String key) {
    redisson.getBucket(key, StringCodec.INSTANCE).delete();
    near.invalidate(key);
  }

  public boolean isCached(String key) {
    return redisson.getBucket(key, StringCodec.INSTANCE).isExists();
  }

  /** The entry's value, empty for a cached "does not exist", or null when the entry cannot be read (a miss). */
  private <T> Optional<T> decode(String cached, Class<T> type) {
    if (NONE.equals(cached)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(cached, type));
    } catch (JacksonException e) {
      // e.g. an entry written by an older version of the record: rebuild it
      log.warn("ignoring undecodable cache entry of type {}", type.getSimpleName());
      return null;
    }
  }

  private String encode(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot cache " + value.getClass().getSimpleName(), e);
    }
  }

  private static ApiException busy() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
        "the catalogue is being refreshed, try again");
  }
}
