package com.ticketplatform.notify.delivery;

import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.notify.notice.NoticeKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mail deliveries ({@code t_delivery}, docs/ARCHITECTURE.md §14): due ones, an attempt's lease, its outcome, the
 * dead letters. An attempt takes its delivery by moving {@code next_attempt_at} past the lease with a conditional
 * update, so two instances never send the same delivery at once.
 */
@Component
public class Deliveries {

  public enum Status { PENDING, SENT, DEAD, SKIPPED }

  public record Delivery(long id, String dedupKey, NoticeKind kind, long userId, Long orderNo, String facts,
      Status status, String address, int attempts, Instant nextAttemptAt, String lastError, String messageId,
      Instant createdAt, Instant sentAt) {}

  private static final String COLUMNS = "id, dedup_key, kind, user_id, order_no, facts, status, address, attempts,"
      + " next_attempt_at, last_error, message_id, created_at, sent_at";

  private final JdbcTemplate jdbc;

  public Deliveries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Delivery> due(Instant now, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?"
        + " ORDER BY next_attempt_at LIMIT ?", Deliveries::row, Timestamp.from(now), limit);
  }

  public Optional<Delivery> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_delivery WHERE id = ?", Deliveries::row, id).stream()
        .findFirst();
  }

  public Optional<Delivery> find(String dedupKey, NoticeKind kind, long userId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_delivery WHERE dedup_key = ? AND kind = ? AND user_id = ?",
        Deliveries::row, dedupKey, kind.name(), userId).stream().findFirst();
  }

  /** Takes the delivery for one attempt until {@code until}; false when another attempt took it first. */
  public boolean lease(Delivery d, Instant until) {
    return jdbc.update("UPDATE t_delivery SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING'"
        + " AND next_attempt_at = ?", Timestamp.from(until), d.id(), Timestamp.from(d.nextAttemptAt())) == 1;
  }

  public void sent(Delivery d, String address, Instant now) {
    jdbc.update("UPDATE t_delivery SET status = 'SENT', address = ?, attempts = attempts + 1, sent_at = ?,"
        + " last_error = NULL, updated_at = ? WHERE id = ? AND status = 'PENDING'", address, Timestamp.from(now),
        Timestamp.from(now), d.id());
  }

  /** A user without an e-mail address: the inbox entry is all they get. */
  public void skipped(Delivery d, String why, Instant now) {
    jdbc.update("UPDATE t_delivery SET status = 'SKIPPED', last_error = ?, updated_at = ? WHERE id = ?"
        + " AND status = 'PENDING'", why, Timestamp.from(now), d.id());
  }

  /** A failed attempt: tried again at {@code retryAt}, or DEAD when {@code retryAt} is null. */
  public void failed(Delivery d, String address, String error, Instant retryAt, Instant now) {
    jdbc.update("UPDATE t_delivery SET status = ?, address = COALESCE(?, address), attempts = attempts + 1,"
        + " last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'PENDING'",
        retryAt == null ? "DEAD" : "PENDING", address, clip(error), Timestamp.from(retryAt == null ? now : retryAt),
        Timestamp.from(now), d.id());
  }

  /** The dead letters, newest first, cursor-paged. */
  public CursorPage<Delivery> dead(PageRequest page) {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT " + COLUMNS + " FROM t_delivery WHERE status = 'DEAD'";
    if (!page.isFirst()) {
      sql += " AND id < ?";
      args.add(page.afterLong());
    }
    args.add(page.size() + 1);
    return page.page(jdbc.query(sql + " ORDER BY id DESC LIMIT ?", Deliveries::row, args.toArray()),
        d -> Long.toString(d.id()));
  }

  /** Puts a dead letter back in line with a fresh count of attempts; false when it is not DEAD. */
  public boolean revive(long id, Instant now) {
    return jdbc.update("UPDATE t_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?"
        + " WHERE id = ? AND status = 'DEAD'", Timestamp.from(now), Timestamp.from(now), id) == 1;
  }

  private static String clip(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }

  private static Delivery row(ResultSet rs, int i) throws SQLException {
    return new Delivery(rs.getLong(1), rs.getString(2), NoticeKind.valueOf(rs.getString(3)), rs.getLong(4),
        rs.getObject(5, Long.class), rs.getString(6), Status.valueOf(rs.getString(7)), rs.getString(8),
        rs.getInt(9), rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12),
        rs.getTimestamp(13).toInstant(), rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());
  }
}
