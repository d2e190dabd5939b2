package com.ticketplatform.program.cache;

import com.ticketplatform.program.config.ProgramProperties;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RBloomFilter;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bloom filters of every program and showtime id that exists, in front of the cache: a request for an id that was
 * never created is answered 404 without touching Redis' cache entries or the database (cache penetration).
 *
 * <p>Ids are added before the creating transaction commits, so the filter never lacks an existing id (a rolled-back
 * create only leaves a harmless false positive). Filled from the database before the web server accepts requests;
 * when Redis was not reachable then, or has lost or rewound the filters since, the filters are bypassed (reads fall
 * through to the cache with its "does not exist" entries) until a later warm-up succeeds (docs/ARCHITECTURE.md §8).
 */
@Component
public class IdBloomFilters implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(IdBloomFilters.class);
  private static final int BATCH = 1000;

  private final RBloomFilter<String> programs;
  private final RBloomFilter<String> showtimes;
  private final ProgramProperties.Cache settings;
  private final ExistingIds.Programs programIds;
  private final ExistingIds.Showtimes showtimeIds;
  /** Set once a warm-up has filled both filters: a "no" from a filter being (re)filled is not trusted. */
  private final RBucket<String> complete;
  private final AtomicLong failedAdds = new AtomicLong();
  private volatile boolean ready;

  public IdBloomFilters(RedissonClient redisson, ProgramProperties properties, ExistingIds.Programs programIds,
      ExistingIds.Showtimes showtimeIds) {
    this.settings = properties.cache();
    this.programs = redisson.getBloomFilter(settings.keyPrefix() + "bloom:program", StringCodec.INSTANCE);
    this.showtimes = redisson.getBloomFilter(settings.keyPrefix() + "bloom:showtime", StringCodec.INSTANCE);
    this.complete = redisson.getBucket(settings.keyPrefix() + "bloom:complete", StringCodec.INSTANCE);
    this.programIds = programIds;
    this.showtimeIds = showtimeIds;
  }

  @Override
  public void afterSingletonsInstantiated() {
    warmUp();
  }

  /**
   * Every 30 s: warms up again when the last warm-up failed, or when the filters no longer hold the newest program and
   * showtime (Redis restored from an older snapshot, or an add that failed while Redis was away).
   */
  @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
  public void check() {
    if (!ready || !holdsNewest()) {
      warmUp();
    }
  }

  private boolean holdsNewest() {
    try {
      Long program = programIds.newestId();
      Long showtime = showtimeIds.newestId();
      boolean holds = (program == null || programs.contains(program.toString()))
          && (showtime == null || showtimes.contains(showtime.toString()));
      if (!holds) {
        log.warn("Bloom filters miss the newest ids (Redis lost or rewound them): warming up again");
      }
      return holds;
    } catch (RuntimeException e) {
      return false;
    }
  }

  synchronized void warmUp() {
    ready = false; // reads bypass the filters until they hold every id again
    long failuresBefore = failedAdds.get();
    try {
      complete.delete(); // every instance distrusts the filters' "no" until they are full again
      programs.tryInit(settings.bloomExpectedInsertions(), settings.bloomFalsePositiveRate());
      showtimes.tryInit(settings.bloomExpectedInsertions(), settings.bloomFalsePositiveRate());
      fill(programs, programIds);
      fill(showtimes, showtimeIds);
      complete.set("1");
      ready = failedAdds.get() == failuresBefore; // an add that failed meanwhile: the next check fills again
    } catch (RuntimeException e) {
      log.warn("Bloom filters not warmed up ({}); reads bypass them until a retry succeeds", e.toString());
    }
  }

  private static void fill(RBloomFilter<String> filter, ExistingIds existing) {
    long lastId = Long.MIN_VALUE;
    while (true) {
      List<Long> ids = existing.idsAfter(lastId, BATCH);
      ids.forEach(id -> filter.add(id.toString()));
      if (ids.size() < BATCH) {
        break;
      }
      lastId = ids.get(ids.size() - 1);
    }
  }

  public boolean mightBeProgram(long programId) {
    return mightContain(programs, programId);
  }

  public boolean mightBeShowtime(long showtimeId) {
    return mightContain(showtimes, showtimeId);
  }

  /**
   * A "no" is trusted only from a filter that is still there: after a Redis flush or restart the filter is gone and
   * would answer "no" for every id, so the reads bypass it until {@link #check()} has filled it again.
   */
  private boolean mightContain(RBloomFilter<String> filter, long id) {
    if (!ready) {
      return true;
    }
    try {
      if (filter.contains(Long.toString(id))) {
        return true;
      }
      if (complete.isExists() && filter.getExpectedInsertions() > 0) {
        return false;
      }
    } catch (RuntimeException e) {
      // not initialised (Redis lost it) or Redis unreachable: fall through to the cache and the database
    }
    if (ready) {
      ready = false;
      log.warn("Bloom filters are gone from Redis (flushed or restarted): reads bypass them until warmed up again");
    }
    return true;
  }

  public void addProgram(long programId) {
    add(programs, programId);
  }

  public void addShowtime(long showtimeId) {
    add(showtimes, showtimeId);
  }

  /** A failed add never fails the create: the filters are bypassed until {@link #check()} has warmed them up. */
  private void add(RBloomFilter<String> filter, long id) {
    try {
      filter.add(Long.toString(id));
    } catch (RuntimeException e) {
      failedAdds.incrementAndGet();
      ready = false;
      log.warn("id {} not added to its Bloom filter ({}); reads bypass the filters until warmed up again", id,
          e.toString());
    }
  }
}
