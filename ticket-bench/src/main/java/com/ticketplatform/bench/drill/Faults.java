package com.ticketplatform.bench.drill;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RestoreArgs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of the drill, one at a time: each {@link Fault#apply()} injects its fault, holds it, and returns once it
 * is cleared (a killed service restarted and healthy, a stopped broker started again, a paused process resumed).
 */
final class Faults {

  /** One fault: what the table calls it, what it does, and the doing of it. */
  record Fault(String name, String what, Action action) {
    void apply() throws Exception {
      action.apply();
    }
  }

  @FunctionalInterface
  interface Action {
    void apply() throws Exception;
  }

  /** The services a purchase goes through: each is killed mid-purchase. */
  static final List<String> PURCHASE_PATH = List.of("ticket-gateway", "ticket-user-service", "ticket-program-service",
      "ticket-order-service", "ticket-pay-service");

  private final Pieces pieces;
  private final String redisUri;
  private final int mysqlPort;

  Faults(Pieces pieces, String redisUri, int mysqlPort) {
    this.pieces = pieces;
    this.redisUri = redisUri;
    this.mysqlPort = mysqlPort;
  }

  /** Every fault, in the order the drill runs them. */
  Map<String, Fault> all() {
    Map<String, Fault> faults = new LinkedHashMap<>();
    add(faults, new Fault("redis-flushall", "Redis FLUSHALL mid-purchase", this::flushAll));
    add(faults, new Fault("redis-rewind", "Redis restarted from a snapshot 20 s old", this::rewind));
    add(faults, new Fault("mariadb-pause", "MariaDB paused (SIGSTOP) for 10 s", () -> pause(mariadb(), 10)));
    add(faults, new Fault("pay-unreachable", "pay service paused (SIGSTOP) 20 s while customers open pay flows",
        () -> pause(service("ticket-pay-service"), 20)));
    add(faults, new Fault("kafka-stop", "Kafka stopped for 60 s", () -> stopFor("kafka", 60)));
    add(faults, new Fault("seata-stop", "Seata TC stopped for 60 s", () -> stopFor("seata", 60)));
    for (String service : PURCHASE_PATH) {
      add(faults, kill9(service));
    }
    return faults;
  }

  /** kill -9 of any piece started by ./ticket ("kill9:ticket-advert-service"), for faults not run by default. */
  Fault kill9(String piece) {
    return new Fault("kill9:" + piece, "kill -9 of " + piece + ", then restarted", () -> {
      pieces.kill9(piece);
      try {
        Thread.sleep(3000);
      } finally {
        pieces.start(piece);
      }
    });
  }

  private static void add(Map<String, Fault> faults, Fault f) {
    faults.put(f.name(), f);
  }

  private long mariadb() {
    long pid = pieces.pidOf("mariadb");
    pid = pid > 0 ? pid : pieces.listenerOf(mysqlPort);
    if (pid < 0) {
      throw new IllegalStateException("no process found listening on MariaDB's port " + mysqlPort);
    }
    return pid;
  }

  private long service(String piece) {
    long pid = pieces.pidOf(piece);
    if (pid < 0) {
      throw new IllegalStateException(piece + " is not running under ./ticket");
    }
    return pid;
  }

  private void pause(long pid, int seconds) throws InterruptedException {
    pieces.pause(pid);
    try {
      Thread.sleep(seconds * 1000L);
    } finally {
      pieces.resume(pid);
    }
  }

  private void stopFor(String piece, int seconds) throws InterruptedException {
    pieces.stop(piece);
    try {
      Thread.sleep(seconds * 1000L);
    } finally {
      pieces.start(piece); // also when the drill is interrupted: never leave a piece down
    }
  }

  private void flushAll() {
    RedisClient client = RedisClient.create(redisUri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      c.sync().flushall();
    } finally {
      client.shutdown();
    }
  }

  /**
   * What a Redis restarted from an older snapshot looks like to its clients: every key as it was 20 s earlier (keys
   * made since are gone, keys changed since are back to their old value, with their remaining time to live), the
   * script cache empty and every client connection dropped.
   */
  private void rewind() throws InterruptedException {
    RedisClient client = RedisClient.create(redisUri);
    try (StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE)) {
      RedisCommands<byte[], byte[]> redis = c.sync();
      record Saved(byte[] key, byte[] value, long ttlMillis) {}
      List<Saved> snapshot = new ArrayList<>();
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<byte[]> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
        for (byte[] key : page.getKeys()) {
          byte[] value = redis.dump(key);
          long ttl = redis.pttl(key);
          if (value != null && ttl != -2) { // -2: expired meanwhile, not in the snapshot
            snapshot.add(new Saved(key, value, ttl));
          }
        }
        cursor = page;
      } while (!cursor.isFinished());
      Thread.sleep(20_000);
      redis.clientKill(io.lettuce.core.KillArgs.Builder.typeNormal().skipme());
      redis.scriptFlush();
      redis.flushall();
      for (Saved s : snapshot) {
        redis.restore(s.key(), s.value(), RestoreArgs.Builder.ttl(Math.max(0, s.ttlMillis())).replace());
      }
    } finally {
      client.shutdown();
    }
  }
}
