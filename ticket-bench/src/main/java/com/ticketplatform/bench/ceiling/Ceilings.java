package com.ticketplatform.bench.ceiling;

import com.ticketplatform.bench.load.Load;
import com.ticketplatform.bench.stats.PhaseResult;
import com.ticketplatform.bench.stats.Probe;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This machine's ceilings, measured in the same run so every platform number can be read as a ratio:
 * R = EVALSHA of the order service's own seat-lock script (4 seats, one connection per worker, no pipelining),
 * D = single-row INSERT + COMMIT into MariaDB. (H, the no-op HTTP endpoint, is an HTTP phase of the main run.)
 */
public final class Ceilings {

  private Ceilings() {}

  /**
   * Loads the lock script from the repository (the very file the order service ships) into a scratch showtime of
   * {@code seats} free seats and runs it with 4 random seats per call; the hash is refilled whenever it runs low,
   * so calls keep hitting both the lock and the seat-taken branch the way an on-sale does.
   */
  public static PhaseResult redisLockScript(String redisUri, Path luaFile, int connections, double seconds,
      int seats) throws IOException {
    // as the order service sends it: after the seat board's prelude, which lives beside it
    String script = Files.readString(luaFile.resolveSibling("seat-board.lua"), StandardCharsets.UTF_8)
        + Files.readString(luaFile, StandardCharsets.UTF_8);
    long showtime = 9_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    String seatsKey = SeatInventoryKeys.seats(showtime);
    String holdingsKey = SeatInventoryKeys.holdings(showtime);
    RedisClient client = RedisClient.create(redisUri);
    List<StatefulRedisConnection<String, String>> conns = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        conns.add(client.connect());
      }
      RedisCommands<String, String> admin = conns.get(0).sync();
      String sha = admin.scriptLoad(script);
      fill(admin, seatsKey, holdingsKey, seats);
      AtomicLong locked = new AtomicLong();
      Probe probe = new Probe("R: EVALSHA lock-seats.lua (4 seats)", "raw-redis");
      // no board for the scratch showtime: the script checks for one and goes on (the seat map is not read here)
      String[] keys = {seatsKey, holdingsKey, SeatInventoryKeys.grid(showtime), SeatInventoryKeys.board(showtime)};
      Load.closedLoop(probe, connections, seconds, (worker, i) -> {
        RedisCommands<String, String> redis = conns.get(worker).sync();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String user = Long.toString(1 + r.nextInt(1_000_000));
        String[] args = new String[8];
        args[0] = SeatInventoryKeys.locked(r.nextLong(1, Long.MAX_VALUE), Long.parseLong(user));
        args[1] = user;
        args[2] = "1000000";
        // no intake arguments: the lock alone, as the saga's LockSeats step runs it
        args[3] = "0";
        for (int s = 0; s < 4; s++) {
          args[4 + s] = Integer.toString(1 + r.nextInt(seats));
        }
        List<Object> out = redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        long code = (Long) out.get(0);
        if (code == 0 && locked.addAndGet(4) > seats / 4) {
          synchronized (locked) {
            if (locked.get() > seats / 4) {
              fill(redis, seatsKey, holdingsKey, seats);
              locked.set(0);
            }
          }
        }
        return new Load.Outcome(code == 0 ? "locked" : code == 1 ? "taken" : "code-" + code, true, 4, false);
      });
      admin.del(seatsKey, holdingsKey);
      return probe.result(Map.of("connections", connections, "seats", seats, "script", luaFile.toString()));
    } finally {
      conns.forEach(StatefulRedisConnection::close);
      client.shutdown();
    }
  }

  private static void fill(RedisCommands<String, String> redis, String seatsKey, String holdingsKey, int seats) {
    Map<String, String> all = new HashMap<>();
    for (int s = 1; s <= seats; s++) {
      all.put(Integer.toString(s), SeatInventoryKeys.AVAILABLE);
    }
    redis.hset(seatsKey, all);
    redis.del(holdingsKey);
  }

  /** Single-row INSERT + COMMIT from {@code threads} connections into a scratch schema that is dropped after. */
  public static PhaseResult databaseInsert(String jdbcBase, String user, String password, int threads,
      double seconds) throws SQLException {
    String schema = "ticket_bench_scratch";
    try (Connection c = DriverManager.getConnection(jdbcBase, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + schema);
      s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".t_insert (id BIGINT NOT NULL AUTO_INCREMENT, "
          + "order_no BIGINT NOT NULL, payload VARCHAR(64) NOT NULL, created_at DATETIME(3) NOT NULL, "
          + "PRIMARY KEY (id)) ENGINE = InnoDB");
    }
    List<Connection> conns = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Connection c = DriverManager.getConnection(jdbcBase + schema, user, password);
        c.setAutoCommit(false);
        conns.add(c);
      }
      Probe probe = new Probe("D: MariaDB INSERT+COMMIT (1 row)", "raw-db");
      Load.closedLoop(probe, threads, seconds, (worker, i) -> {
        Connection c = conns.get(worker);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO t_insert (order_no, payload, created_at) VALUES (?, ?, NOW(3))")) {
          ps.setLong(1, ThreadLocalRandom.current().nextLong());
          ps.setString(2, "bench-" + worker + "-" + i);
          ps.executeUpdate();
        }
        c.commit();
        return Load.Outcome.ok("committed", 1);
      });
      return probe.result(Map.of("threads", threads));
    } finally {
      for (Connection c : conns) {
        c.close();
      }
      try (Connection c = DriverManager.getConnection(jdbcBase, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + schema);
      }
    }
  }
}
