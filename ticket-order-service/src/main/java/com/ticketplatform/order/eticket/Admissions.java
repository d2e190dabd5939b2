package com.ticketplatform.order.eticket;

import com.ticketplatform.order.order.UsedTickets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The door's writes, against the order's own shard (docs/ARCHITECTURE.md §12). Admitting a ticket is one transaction
 * that first bumps the version of its order while the order is PAID — so a refund that read the order before cannot
 * complete (its conditional update misses the version and it re-reads, finding the ticket used), and a refund that
 * committed first makes the door see a revoked order — then marks the ticket used unless an earlier admission is on
 * record: the first scan wins, whatever the concurrency or the order in which offline gates sync.
 */
class Admissions implements UsedTickets {

  /** What the database says about an admission attempt. */
  record Attempt(String orderStatus, boolean admitted, Instant usedAt, String usedGate, Instant replacedAt,
      String replacedGate) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  Admissions(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Admits the ticket at {@code at} through {@code gate} unless it was admitted before. With {@code offline} (a gate
   * syncing what it admitted while offline) an admission on record that is later than {@code at} is replaced by this
   * earlier one and reported: the first admission is the one kept.
   */
  Attempt admit(long orderNo, long ticketId, Instant at, String gate, boolean offline) {
    return tx.execute(status -> {
      Timestamp when = Timestamp.from(at);
      int paid = jdbc.update("UPDATE t_order SET version = version + 1 WHERE order_no = ? AND status = 'PAID'",
          orderNo);
      if (paid == 0) {
        return new Attempt(orderStatus(orderNo).orElse(null), false, null, null, null, null);
      }
      List<Object[]> before = jdbc.query("SELECT checked_in_at, checked_in_gate FROM t_order_ticket"
          + " WHERE order_no = ? AND ticket_id = ? FOR UPDATE",
          (rs, i) -> new Object[] {rs.getTimestamp(1), rs.getString(2)}, orderNo, ticketId);
      if (before.isEmpty()) {
        status.setRollbackOnly();
        return new Attempt("PAID", false, null, null, null, null);
      }
      Timestamp usedAt = (Timestamp) before.get(0)[0];
      String usedGate = (String) before.get(0)[1];
      if (offline && usedAt != null && gate.equals(usedGate) && usedAt.toInstant().toEpochMilli() == at.toEpochMilli()) {
        // the same gate syncing the same admission again (its first sync's answer was lost): a replay
        return new Attempt("PAID", true, usedAt.toInstant(), usedGate, null, null);
      }
      if (usedAt != null && (!offline || !usedAt.after(when))) {
        return new Attempt("PAID", false, usedAt.toInstant(), usedGate, null, null);
      }
      jdbc.update("UPDATE t_order_ticket SET checked_in_at = ?, checked_in_gate = ? WHERE order_no = ?"
          + " AND ticket_id = ?", when, gate, orderNo, ticketId);
      return new Attempt("PAID", true, at, gate, usedAt == null ? null : usedAt.toInstant(), usedGate);
    });
  }

  Optional<String> orderStatus(long orderNo) {
    return jdbc.queryForList("SELECT status FROM t_order WHERE order_no = ?", String.class, orderNo).stream()
        .findFirst();
  }

  /** Whether any ticket of the order has been admitted (a used ticket is never refunded). */
  @Override
  public boolean anyUsed(long orderNo) {
    Long used = jdbc.queryForObject("SELECT COUNT(*) FROM t_order_ticket WHERE order_no = ?"
        + " AND checked_in_at IS NOT NULL", Long.class, orderNo);
    return used != null && used > 0;
  }

  /** When the order's showtime starts now (a move of the showtime moves it, docs/ARCHITECTURE.md §2). */
  Optional<Instant> startsAt(long orderNo) {
    return jdbc.queryForList("SELECT showtime_starts_at FROM t_order WHERE order_no = ?", Timestamp.class, orderNo)
        .stream().findFirst().map(Timestamp::toInstant);
  }

  /**
   * A showtime's tickets a gate must refuse (their orders were refunded or cancelled), those admitted already, and
   * its start as its orders know it (the latest, should a move still be under way).
   */
  record ShowtimeState(List<Long> revoked, List<Long> admitted, Long cinemaId, Instant startsAt) {}

  ShowtimeState showtime(long showtimeId) {
    List<Object[]> rows = jdbc.query("SELECT t.ticket_id, o.status, t.checked_in_at, o.cinema_id,"
        + " o.showtime_starts_at FROM t_order o JOIN t_order_ticket t ON t.order_no = o.order_no"
        + " WHERE o.showtime_id = ? AND o.status <> 'PENDING_PAYMENT'",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getLong(4),
            rs.getTimestamp(5).toInstant()}, showtimeId);
    List<Long> revoked = rows.stream().filter(r -> !"PAID".equals(r[1])).map(r -> (Long) r[0]).sorted().toList();
    List<Long> admitted = rows.stream().filter(r -> r[2] != null).map(r -> (Long) r[0]).sorted().toList();
    Long cinema = rows.isEmpty() ? null : (Long) rows.get(0)[3];
    Instant startsAt = rows.stream().map(r -> (Instant) r[4]).max(Instant::compareTo).orElse(null);
    return new ShowtimeState(revoked, admitted, cinema, startsAt);
  }
}
