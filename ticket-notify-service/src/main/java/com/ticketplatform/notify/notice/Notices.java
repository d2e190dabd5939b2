package com.ticketplatform.notify.notice;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.notify.preference.Preferences;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Records a notice (docs/ARCHITECTURE.md §14): its inbox entry, written in the user's language, and its mail
 * delivery, sent later by the delivery feature. Both are keyed by (dedupKey, kind, user) with a unique index, so
 * recording it again (a redelivered event, a second instance's scheduler) adds nothing. A reminder for a user who
 * turned reminders off is not recorded at all.
 */
@Component
public class Notices {

  private final JdbcTemplate jdbc;
  private final Preferences preferences;
  private final NoticeTexts texts;
  private final SnowflakeIdGenerator ids;
  private final ObjectMapper json;
  private final Clock clock;
  private final String messageIdDomain;

  public Notices(JdbcTemplate jdbc, Preferences preferences, NoticeTexts texts, SnowflakeIdGenerator ids,
      ObjectMapper json, Clock clock, NotifyProperties properties) {
    this.jdbc = jdbc;
    this.preferences = preferences;
    this.texts = texts;
    this.ids = ids;
    this.json = json;
    this.clock = clock;
    this.messageIdDomain = properties.messageIdDomain();
  }

  /** True when the notice is new; false when it was recorded before or the user opted out of its kind. */
  @Transactional
  public boolean record(Notice notice) {
    Preferences.Preference preference = preferences.of(notice.userId());
    if (notice.kind().isReminder() && !preference.reminders()) {
      return false;
    }
    NoticeTexts.Text text = texts.of(notice.kind(), notice.orderNo(), notice.facts(),
        preference.language().locale());
    Timestamp now = Timestamp.from(clock.instant());
    int added = jdbc.update("INSERT IGNORE INTO t_notification (id, user_id, kind, dedup_key, order_no, title, body,"
        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ids.nextIdFor(notice.userId()), notice.userId(),
        notice.kind().name(), notice.dedupKey(), notice.orderNo(), clip(text.title(), 300), clip(text.body(), 2000),
        now);
    long deliveryId = ids.nextIdFor(notice.userId());
    jdbc.update("INSERT IGNORE INTO t_delivery (id, dedup_key, kind, user_id, order_no, facts, status, attempts,"
        + " next_attempt_at, message_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)",
        deliveryId, notice.dedupKey(), notice.kind().name(), notice.userId(), notice.orderNo(),
        json.writeValueAsString(notice.facts()), now, messageId(deliveryId), now, now);
    return added == 1;
  }

  /** The Message-ID every attempt of one delivery carries, so a receiver can tell a repeat from a new mail. */
  private String messageId(long deliveryId) {
    return "<notify." + deliveryId + "@" + messageIdDomain + ">";
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
