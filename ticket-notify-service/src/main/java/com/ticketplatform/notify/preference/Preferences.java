package com.ticketplatform.notify.preference;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each user's choices (docs/ARCHITECTURE.md §14): reminders on or off (receipts are always sent), the language asked
 * for, else the one their client last sent, else English. A user who never chose has the defaults and no row.
 */
@Component
public class Preferences {

  /** {@code explicitLanguage}: the one the user chose, null while they chose none. */
  public record Preference(long userId, boolean reminders, Language language, Language explicitLanguage) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Preferences(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Preference of(long userId) {
    List<Preference> found = jdbc.query("SELECT reminders, language, seen_language FROM t_notify_preference"
        + " WHERE user_id = ?", (rs, i) -> {
          Language chosen = Language.ofTag(rs.getString(2)).orElse(null);
          Language seen = Language.ofTag(rs.getString(3)).orElse(Language.EN);
          return new Preference(userId, rs.getBoolean(1), chosen != null ? chosen : seen, chosen);
        }, userId);
    return found.isEmpty() ? new Preference(userId, true, Language.EN, null) : found.get(0);
  }

  /** Changes what is given (null leaves it as it is) and answers the result. */
  public Preference update(long userId, Boolean reminders, Language language) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO t_notify_preference (user_id, reminders, language, updated_at) VALUES (?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE reminders = COALESCE(?, reminders), language = COALESCE(?, language),"
        + " updated_at = VALUES(updated_at)", userId, reminders == null || reminders,
        language == null ? null : language.tag(), now, reminders, language == null ? null : language.tag());
    return of(userId);
  }

  /** Remembers the language the user's client last asked for (the default while they chose none). */
  public void seen(long userId, Language language) {
    jdbc.update("INSERT INTO t_notify_preference (user_id, reminders, seen_language, updated_at) VALUES (?, 1, ?, ?)"
        + " ON DUPLICATE KEY UPDATE seen_language = VALUES(seen_language), updated_at = VALUES(updated_at)",
        userId, language.tag(),
        Timestamp.from(clock.instant()));
  }
}
