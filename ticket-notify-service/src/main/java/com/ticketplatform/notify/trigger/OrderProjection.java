package com.ticketplatform.notify.trigger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the events told about orders and showtimes (docs/ARCHITECTURE.md §14): buyer, showtime, film and start of
 * each order, its state, and whether its hold warning and its reminder went out; showtimes cancelled or moved. Only
 * what the notices need, never read by another service.
 */
@Component
public class OrderProjection {

  public record OrderFacts(long orderNo, long userId, long showtimeId, String programTitle, Instant startsAt,
      String status, Instant expiresAt) {}

  private static final String COLUMNS = "order_no, user_id, showtime_id, program_title, starts_at, status, expires_at";

  private final JdbcTemplate jdbc;

  public OrderProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What an {@code OrderCreated} event tells. */
  public record Created(long orderNo, long userId, long showtimeId, String programTitle, Instant startsAt,
      Instant expiresAt) {}

  /**
   * Records new orders, unpaid, with one insert (after one lookup of moved starts). An order already known (the same
   * event again, or a later one of the order read first) keeps its state and only gains the facts it lacked, so a
   * repeated or late {@code OrderCreated} never takes a paid order back to unpaid. A start the program service
   * announced since wins over the one the order was placed with, as in {@link #upsert}.
   */
  public void created(List<Created> orders, Instant now) {
    if (orders.isEmpty()) {
      return;
    }
    Map<Long, Timestamp> moved = new HashMap<>();
    List<Long> showtimes = orders.stream().map(Created::showtimeId).distinct().toList();
    jdbc.query("SELECT showtime_id, starts_at FROM t_notify_showtime WHERE starts_at IS NOT NULL AND showtime_id IN ("
        + String.join(", ", Collections.nCopies(showtimes.size(), "?")) + ")",
        rs -> { moved.put(rs.getLong(1), rs.getTimestamp(2)); }, showtimes.toArray());
    StringBuilder sql = new StringBuilder("INSERT INTO t_notify_order (order_no, user_id, showtime_id, program_title,"
        + " starts_at, status, expires_at, updated_at) VALUES ");
    List<Object> args = new ArrayList<>(orders.size() * 8);
    for (Created o : orders) {
      sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, 'PENDING_PAYMENT', ?, ?)");
      Timestamp startsAt = o.startsAt() == null ? null : moved.getOrDefault(o.showtimeId(), ts(o.startsAt()));
      args.addAll(Arrays.asList(o.orderNo(), o.userId(), o.showtimeId(), o.programTitle(), startsAt,
          ts(o.expiresAt()), ts(now)));
    }
    sql.append(" ON DUPLICATE KEY UPDATE program_title = COALESCE(program_title, VALUES(program_title)),"
        + " starts_at = COALESCE(starts_at, VALUES(starts_at)), expires_at = COALESCE(expires_at, VALUES(expires_at))");
    jdbc.update(sql.toString(), args.toArray());
  }

  /** Records the order's state; title, start and expiry are kept when an event does not carry them. */
  public void upsert(long orderNo, long userId, long showtimeId, String title, Instant startsAt, String status,
      Instant expiresAt, Instant now) {
    // an order event read after the showtime's move (two topics) carries the start it was placed with: the start the
    // program service last announced wins
    if (startsAt != null) {
      startsAt = jdbc.queryForList("SELECT starts_at FROM t_notify_showtime WHERE showtime_id = ?"
          + " AND starts_at IS NOT NULL", Timestamp.class, showtimeId).stream().findFirst()
          .map(Timestamp::toInstant).orElse(startsAt);
    }
    jdbc.update("INSERT INTO t_notify_order (order_no, user_id, showtime_id, program_title, starts_at, status,"
        + " expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
        + " program_title = COALESCE(VALUES(program_title), program_title),"
        + " starts_at = COALESCE(VALUES(starts_at), starts_at), status = VALUES(status),"
        + " expires_at = COALESCE(VALUES(expires_at), expires_at), updated_at = VALUES(updated_at)",
        orderNo, userId, showtimeId, title, ts(startsAt), status, ts(expiresAt), ts(now));
  }

  public Optional<OrderFacts> find(long orderNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_notify_order WHERE order_no = ?", OrderProjection::row, orderNo)
        .stream().findFirst();
  }

  /** The showtime's orders that are paid or still waiting for their payment. */
  public List<OrderFacts> liveOrdersOf(long showtimeId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_notify_order WHERE showtime_id = ?"
        + " AND status IN ('PENDING_PAYMENT', 'PAID')", OrderProjection::row, showtimeId);
  }

  /** Paid orders whose show starts after {@code now} and by {@code until}, not yet reminded of this start. */
  public List<OrderFacts> dueForReminder(Instant now, Instant until, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_notify_order o WHERE status = 'PAID' AND starts_at > ?"
        + " AND starts_at <= ? AND (reminded_for IS NULL OR reminded_for <> starts_at)"
        + " AND NOT EXISTS (SELECT 1 FROM t_notify_showtime s WHERE s.showtime_id = o.showtime_id"
        + " AND s.cancelled_at IS NOT NULL) ORDER BY starts_at LIMIT ?", OrderProjection::row, ts(now), ts(until),
        limit);
  }

  public void reminded(long orderNo, Instant startsAt) {
    jdbc.update("UPDATE t_notify_order SET reminded_for = ? WHERE order_no = ?", ts(startsAt), orderNo);
  }

  /** Unpaid orders whose hold runs out after {@code now} and by {@code until}, not yet warned. */
  public List<OrderFacts> dueForHoldWarning(Instant now, Instant until, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_notify_order WHERE status = 'PENDING_PAYMENT'"
        + " AND expires_at > ? AND expires_at <= ? AND hold_warned_at IS NULL ORDER BY expires_at LIMIT ?",
        OrderProjection::row, ts(now), ts(until), limit);
  }

  public void holdWarned(long orderNo, Instant now) {
    jdbc.update("UPDATE t_notify_order SET hold_warned_at = ? WHERE order_no = ?", ts(now), orderNo);
  }

  /** Records a cancelled showtime; true the first time. */
  public boolean cancelShowtime(long showtimeId, Instant now) {
    return jdbc.update("INSERT INTO t_notify_showtime (showtime_id, cancelled_at, updated_at) VALUES (?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE cancelled_at = COALESCE(cancelled_at, VALUES(cancelled_at)),"
        + " updated_at = VALUES(updated_at)", showtimeId, ts(now), ts(now)) == 1;
  }

  public boolean isCancelled(long showtimeId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM t_notify_showtime WHERE showtime_id = ?"
        + " AND cancelled_at IS NOT NULL", Integer.class, showtimeId);
    return n != null && n > 0;
  }

  /** Moves the showtime's live orders to the new start; answers the orders that had another start before. */
  public List<OrderFacts> move(long showtimeId, Instant startsAt, Instant now) {
    List<OrderFacts> moved = liveOrdersOf(showtimeId).stream()
        .filter(o -> o.startsAt() != null && !o.startsAt().equals(startsAt)).toList();
    jdbc.update("UPDATE t_notify_order SET starts_at = ?, updated_at = ? WHERE showtime_id = ?"
        + " AND status IN ('PENDING_PAYMENT', 'PAID')", ts(startsAt), ts(now), showtimeId);
    jdbc.update("INSERT INTO t_notify_showtime (showtime_id, starts_at, updated_at) VALUES (?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE starts_at = VALUES(starts_at), updated_at = VALUES(updated_at)", showtimeId,
        ts(startsAt), ts(now));
    return moved;
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static OrderFacts row(ResultSet rs, int i) throws SQLException {
    return new OrderFacts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
  }
}
