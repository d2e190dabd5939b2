package com.ticketplatform.bench.invariant;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the truth after a run: both order shard databases, the pay ledger and the Redis seat hashes. */
public final class InvariantReader {

  private static final List<String> ORDER_DBS = List.of("ticket_order_0", "ticket_order_1");
  private static final int TABLES = 4;

  private final String jdbcBase;
  private final String user;
  private final String password;
  private final String redisUri;

  public InvariantReader(String jdbcBase, String user, String password, String redisUri) {
    this.jdbcBase = jdbcBase;
    this.user = user;
    this.password = password;
    this.redisUri = redisUri;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql} on both order shard databases and, where it names {@code {t}}, on each of their tables, with
   * {@code {in}} replaced by the showtime ids; returns the rows of all of them.
   */
  private <T> List<T> fromOrderShards(String sql, Collection<Long> showtimes, RowReader<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    if (showtimes.isEmpty()) {
      return out;
    }
    String query = sql.replace("{in}", showtimes.stream().map(String::valueOf).collect(Collectors.joining(",")));
    int tables = query.contains("{t}") ? TABLES : 1;
    for (String db : ORDER_DBS) {
      try (Connection c = DriverManager.getConnection(jdbcBase + db, user, password)) {
        for (int t = 0; t < tables; t++) {
          try (PreparedStatement ps = c.prepareStatement(query.replace("{t}", Integer.toString(t)));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(row.read(rs));
            }
          }
        }
      }
    }
    return out;
  }

  public List<Invariants.OrderRow> orders(Collection<Long> showtimes) throws SQLException {
    return fromOrderShards("SELECT order_no, user_id, showtime_id, status FROM t_order_{t} WHERE showtime_id IN ({in})",
        showtimes, rs -> new Invariants.OrderRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
  }

  public Invariants.Snapshot snapshot(Map<Long, Integer> capacity, Set<Long> acknowledged) throws SQLException {
    List<Invariants.OrderRow> orders = orders(capacity.keySet());
    List<Invariants.TicketRow> tickets = fromOrderShards(
        "SELECT order_no, showtime_id, seat_id FROM t_order_ticket_{t} WHERE showtime_id IN ({in})", capacity.keySet(),
        rs -> new Invariants.TicketRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    List<Invariants.FlowRow> flows = new ArrayList<>();
    List<Long> orderNos = orders.stream().map(Invariants.OrderRow::orderNo).toList();
    try (Connection c = DriverManager.getConnection(jdbcBase + "ticket_pay", user, password)) {
      for (int from = 0; from < orderNos.size(); from += 1000) {
        String batch = orderNos.subList(from, Math.min(orderNos.size(), from + 1000)).stream()
            .map(String::valueOf).collect(Collectors.joining(","));
        for (int t = 0; t < TABLES; t++) {
          try (PreparedStatement ps = c.prepareStatement("SELECT order_no, status FROM t_pay_flow_" + t
              + " WHERE order_no IN (" + batch + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              flows.add(new Invariants.FlowRow(rs.getLong(1), rs.getString(2)));
            }
          }
        }
      }
    }
    Map<Long, Map<Long, String>> seatValues = new HashMap<>();
    RedisClient client = RedisClient.create(redisUri);
    try (StatefulRedisConnection<String, String> conn = client.connect()) {
      for (Long showtime : capacity.keySet()) {
        Map<Long, String> seats = new HashMap<>();
        conn.sync().hgetall(SeatInventoryKeys.seats(showtime)).forEach((k, v) -> seats.put(Long.parseLong(k), v));
        seatValues.put(showtime, seats);
      }
    } finally {
      client.shutdown();
    }
    return new Invariants.Snapshot(orders, tickets, flows, seatValues, capacity, acknowledged);
  }

  /** The seat claims of the given showtimes (one t_seat_claim per shard database). */
  public List<Invariants.ClaimRow> claims(Collection<Long> showtimes) throws SQLException {
    return fromOrderShards("SELECT showtime_id, seat_id, order_no FROM t_seat_claim WHERE showtime_id IN ({in})",
        showtimes, rs -> new Invariants.ClaimRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
  }

  /** The orders of the given showtimes still waiting for their payment. */
  public List<Invariants.PendingRow> pending(Collection<Long> showtimes) throws SQLException {
    return fromOrderShards("SELECT order_no, expires_at FROM t_order_{t} WHERE status = 'PENDING_PAYMENT'"
        + " AND showtime_id IN ({in})", showtimes,
        rs -> new Invariants.PendingRow(rs.getLong(1), rs.getTimestamp(2).toInstant()));
  }

  /** How many of the given orders are in each status (orders not found count as MISSING). */
  public Map<String, Long> countByStatus(Set<Long> orderNos) throws SQLException {
    Map<String, Long> counts = new java.util.TreeMap<>();
    List<Long> all = new ArrayList<>(orderNos);
    long found = 0;
    for (String db : ORDER_DBS) {
      try (Connection c = DriverManager.getConnection(jdbcBase + db, user, password)) {
        for (int from = 0; from < all.size(); from += 1000) {
          String batch = all.subList(from, Math.min(all.size(), from + 1000)).stream().map(String::valueOf)
              .collect(Collectors.joining(","));
          for (int t = 0; t < TABLES; t++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM t_order_" + t
                + " WHERE order_no IN (" + batch + ") GROUP BY status"); ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                found += rs.getLong(2);
              }
            }
          }
        }
      }
    }
    if (found < all.size()) {
      counts.put("MISSING", all.size() - found);
    }
    return counts;
  }
}
