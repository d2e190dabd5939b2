package com.ticketplatform.bench.drill;

import com.ticketplatform.bench.platform.Commands;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's readings, one sample a minute: each service's heap after a full GC and its threads, the database's
 * connections, Redis's keys (those without a time to live counted apart, and among them those of the showtimes the soak
 * sold, which legitimately grow with every new hall). {@link #verdict} compares the start of the run (after warm-up)
 * with its end.
 */
final class Soak {

  /** One minute's readings. */
  record Sample(int minute, Map<String, Long> heapAfterGcKiB, Map<String, Long> threads, long dbConnections,
      long redisKeys, long redisKeysWithoutTtl, long redisShowtimeKeysWithoutTtl) {

    long persistentOther() {
      return redisKeysWithoutTtl - redisShowtimeKeysWithoutTtl;
    }
  }

  /** One reading compared: where it started, where it ended, and whether the growth stays within its bound. */
  record Growth(String what, long start, long end, long allowed, boolean pass) {}

  private static final Pattern GENERATION_USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

  private final Pieces pieces;
  private final List<String> services;
  private final String jdbc;
  private final String dbUser;
  private final String dbPassword;
  private final String redisUri;

  Soak(Pieces pieces, List<String> services, String jdbc, String dbUser, String dbPassword, String redisUri) {
    this.pieces = pieces;
    this.services = services;
    this.jdbc = jdbc;
    this.dbUser = dbUser;
    this.dbPassword = dbPassword;
    this.redisUri = redisUri;
  }

  Sample sample(int minute, Collection<Long> showtimes) throws SQLException {
    Map<String, Long> heap = new LinkedHashMap<>();
    Map<String, Long> threads = new LinkedHashMap<>();
    for (String s : services) {
      long pid = pieces.pidOf(s);
      if (pid < 0) {
        continue;
      }
      jcmd(pid, "GC.run");
      Matcher m = GENERATION_USED.matcher(jcmd(pid, "GC.heap_info"));
      long used = 0;
      while (m.find()) {
        used += Long.parseLong(m.group(1));
      }
      heap.put(s, used);
      threads.put(s, threadsOf(pid));
    }
    long connections;
    try (Connection c = DriverManager.getConnection(jdbc, dbUser, dbPassword); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) {
      rs.next();
      connections = rs.getLong(2) - 1; // not this reading's own
    }
    long keys = 0;
    long persistent = 0;
    long persistentShowtime = 0;
    List<String> ids = showtimes.stream().map(String::valueOf).toList();
    RedisClient client = RedisClient.create(redisUri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      RedisCommands<String, String> redis = c.sync();
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
        for (String key : page.getKeys()) {
          keys++;
          if (redis.pttl(key) == -1) {
            persistent++;
            if (ids.stream().anyMatch(key::contains)) {
              persistentShowtime++;
            }
          }
        }
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      client.shutdown();
    }
    return new Sample(minute, heap, threads, connections, keys, persistent, persistentShowtime);
  }

  /**
   * The verdict of a run: per service heap after GC may grow by 16 MiB or 20% (whichever is more) and threads by 10;
   * database connections by 5 (pools are bounded); Redis keys without a time to live, other than the showtimes' own,
   * by 20. Keys with a time to live are bounded by their retention and reported only. Start and end are each the
   * median of three samples.
   */
  static List<Growth> verdict(List<Sample> samples) {
    List<Growth> out = new ArrayList<>();
    if (samples.size() < 6) {
      return out;
    }
    List<Sample> head = samples.subList(0, 3);
    List<Sample> tail = samples.subList(samples.size() - 3, samples.size());
    for (String s : samples.get(0).heapAfterGcKiB().keySet()) {
      long a = median(head.stream().map(x -> x.heapAfterGcKiB().getOrDefault(s, 0L)).toList());
      long b = median(tail.stream().map(x -> x.heapAfterGcKiB().getOrDefault(s, 0L)).toList());
      long allowed = Math.max(16 * 1024, a / 5);
      out.add(new Growth(s + " heap after GC (KiB)", a, b, allowed, b - a <= allowed));
      long ta = median(head.stream().map(x -> x.threads().getOrDefault(s, 0L)).toList());
      long tb = median(tail.stream().map(x -> x.threads().getOrDefault(s, 0L)).toList());
      out.add(new Growth(s + " threads", ta, tb, 10, tb - ta <= 10));
    }
    long ca = median(head.stream().map(Sample::dbConnections).toList());
    long cb = median(tail.stream().map(Sample::dbConnections).toList());
    out.add(new Growth("database connections", ca, cb, 5, cb - ca <= 5));
    long ka = median(head.stream().map(Sample::persistentOther).toList());
    long kb = median(tail.stream().map(Sample::persistentOther).toList());
    out.add(new Growth("Redis keys without TTL (not a showtime's)", ka, kb, 20, kb - ka <= 20));
    return out;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long threadsOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("Threads:")) {
          return Long.parseLong(line.substring(8).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static String jcmd(long pid, String command) {
    return Commands.run(List.of("jcmd", Long.toString(pid), command), 60);
  }

}
