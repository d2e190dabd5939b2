package com.ticketplatform.notify.notice;

import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A user's in-app notifications, newest first (ids grow with time), cursor-paged (docs/ARCHITECTURE.md §4). */
@Component
public class Inbox {

  public record Entry(long id, NoticeKind kind, String title, String body, Long orderNo, Instant createdAt,
      Instant readAt) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Inbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public CursorPage<Entry> of(long userId, PageRequest page) {
    List<Object> args = new ArrayList<>(List.of(userId));
    String sql = "SELECT id, kind, title, body, order_no, created_at, read_at FROM t_notification WHERE user_id = ?";
    if (!page.isFirst()) {
      sql += " AND id < ?";
      args.add(page.afterLong());
    }
    args.add(page.size() + 1);
    List<Entry> rows = jdbc.query(sql + " ORDER BY id DESC LIMIT ?", (rs, i) -> new Entry(rs.getLong(1),
        NoticeKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class),
        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
        args.toArray());
    return page.page(rows, e -> Long.toString(e.id()));
  }

  /** Marks the user's entry read (once: the first time stays); false when the user has no such entry. */
  public boolean markRead(long userId, long id) {
    jdbc.update("UPDATE t_notification SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
        Timestamp.from(clock.instant()), id, userId);
    Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM t_notification WHERE id = ? AND user_id = ?",
        Integer.class, id, userId);
    return found != null && found > 0;
  }
}
