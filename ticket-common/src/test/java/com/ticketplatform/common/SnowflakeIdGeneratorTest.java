package com.ticketplatform.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTest {

  @Test
  void idsCarryTheGeneOfTheirShardingKey() {
    SnowflakeIdGenerator ids = new SnowflakeIdGenerator(Clock.systemUTC(), 3);
    for (long userId : new long[] {1, 2, 255, 256, 1_000_003, 987_654_321_012L}) {
      long orderNo = ids.nextIdFor(userId);
      assertThat(SnowflakeIdGenerator.geneOf(orderNo)).isEqualTo(SnowflakeIdGenerator.geneOf(userId));
      // any rule on the low bits, e.g. 2 databases x 4 tables, routes both to the same shard
      assertThat(orderNo % 2).isEqualTo(userId % 2);
      assertThat((orderNo / 2) % 4).isEqualTo((userId / 2) % 4);
    }
  }

  @Test
  void idsAreUniqueAndIncreasingUnderContention() throws Exception {
    SnowflakeIdGenerator ids = new SnowflakeIdGenerator(Clock.systemUTC(), 1);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.submit(() -> {
        long previous = 0;
        for (int i = 0; i < 20_000; i++) {
          long id = ids.nextIdFor(42);
          assertThat(id).isGreaterThan(previous);
          previous = id;
          seen.add(id);
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).hasSize(160_000);
  }

  @Test
  void moreThanOneSequenceWorthInOneMillisecondWaitsForTheNext() {
    AtomicLong now = new AtomicLong(SnowflakeIdGenerator.EPOCH_MILLIS + 1_000);
    Clock clock = new Clock() {
      private int calls;
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }
      @Override public long millis() { return ++calls > 300 ? now.incrementAndGet() : now.get(); }
    };
    SnowflakeIdGenerator ids = new SnowflakeIdGenerator(clock, 0);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      seen.add(ids.nextIdFor(7));
    }
    assertThat(seen).hasSize(300);
    assertThat(SnowflakeIdGenerator.timestampOf(ids.nextIdFor(7))).isGreaterThan(SnowflakeIdGenerator.EPOCH_MILLIS + 1_000);
  }

  @Test
  void refusesAClockThatJumpsBack() {
    AtomicLong now = new AtomicLong(SnowflakeIdGenerator.EPOCH_MILLIS + 10_000);
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
      @Override public long millis() { return now.get(); }
    };
    SnowflakeIdGenerator ids = new SnowflakeIdGenerator(clock, 0);
    ids.nextId();
    now.addAndGet(-5_000);
    assertThatThrownBy(ids::nextId).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SnowflakeIdGenerator(clock, 64)).isInstanceOf(IllegalArgumentException.class);
  }
}
