package com.ticketplatform.order.move;

import com.ticketplatform.common.event.Topics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A showtime the cinema moved to another start (docs/ARCHITECTURE.md §2). On the program service's ShowtimeChanged
 * event with a new {@code startsAt}, the showtime's orders take the new start (their e-tickets admit at the new time,
 * their refund window is measured from it and stays open for {@code ticket.order.refund.after-move} from the move) and
 * its seat and ID claims are kept until after the new start. Every step is conditional on the start being another one:
 * a repeated event, or a second instance, changes nothing. A failure is retried in place until it succeeds
 * ({@link MoveListenerConfig}); for {@code ticket.order.move-follow-up} after a move, the move is applied again every
 * minute, for an order placed from the showtime's sale info read just before the move.
 */
@Component
public class ShowtimeMoves {

  private static final Logger log = LoggerFactory.getLogger(ShowtimeMoves.class);
  private static final String RUNNING = "ON_SALE|SCHEDULED";

  private final JdbcTemplate orders;
  private final JdbcTemplate moves;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration followUp;

  public ShowtimeMoves(DataSource orders, @Qualifier("seataSagaDataSource") DataSource unsharded, ObjectMapper json,
      Clock clock, @Value("${ticket.order.move-follow-up:PT1H}") Duration followUp) {
    this.orders = new JdbcTemplate(orders);
    this.moves = new JdbcTemplate(unsharded);
    this.json = json;
    this.clock = clock;
    this.followUp = followUp;
  }

  /** Program events; a showtime still running with a start is checked against its orders. Throws to be retried. */
  @KafkaListener(topics = Topics.PROGRAM_EVENTS, groupId = "${spring.application.name}-showtime-moves",
      containerFactory = MoveListenerConfig.FACTORY)
  public void onProgramEvent(String value) {
    long showtimeId;
    Instant startsAt;
    try {
      JsonNode envelope = json.readTree(value);
      JsonNode payload = envelope.path("payload");
      if (!"ShowtimeChanged".equals(envelope.path("type").asText())
          || !payload.path("status").asText().matches(RUNNING) || !payload.hasNonNull("startsAt")) {
        return;
      }
      showtimeId = payload.path("showtimeId").asLong();
      startsAt = Instant.parse(payload.path("startsAt").asText());
    } catch (JacksonException | DateTimeParseException unreadable) {
      // retrying cannot make it readable; holding the partition for it would stop every later move
      log.error("unreadable program event skipped by the showtime moves: {}", unreadable.toString());
      return;
    }
    move(showtimeId, startsAt);
  }

  /**
   * Moves the showtime's orders and claims to {@code startsAt}; nothing when none has another start.
   *
   * @return how many orders moved
   */
  public int move(long showtimeId, Instant startsAt) {
    Instant now = clock.instant();
    Timestamp start = Timestamp.from(startsAt);
    List<Instant> other = orders.queryForList("SELECT DISTINCT showtime_starts_at FROM t_order WHERE showtime_id = ?"
        + " AND showtime_starts_at <> ? LIMIT 1", Timestamp.class, showtimeId, start).stream()
        .map(Timestamp::toInstant).toList();
    List<Timestamp> recorded = moves.queryForList("SELECT starts_at FROM t_showtime_move WHERE showtime_id = ?",
        Timestamp.class, showtimeId);
    boolean announcedElsewhere = !recorded.isEmpty() && !recorded.get(0).equals(start);
    if (other.isEmpty() && !announcedElsewhere) {
      if (recorded.isEmpty()) {
        // the start as first announced: a later announcement of another one is a move, even before any order
        moves.update("INSERT IGNORE INTO t_showtime_move (showtime_id, starts_at, moved_at) VALUES (?, ?, NULL)",
            showtimeId, start);
      }
      return 0;
    }
    // a move: recorded before it is applied, so the follow-up also catches an order placed from the old start after
    // this (no order may have had another start yet when the event came)
    moves.update("INSERT INTO t_showtime_move (showtime_id, starts_at, moved_at) VALUES (?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE moved_at = IF(starts_at = VALUES(starts_at) AND moved_at IS NOT NULL, moved_at,"
        + " VALUES(moved_at)), starts_at = VALUES(starts_at)", showtimeId, start, Timestamp.from(now));
    Timestamp movedAt = moves.queryForObject("SELECT moved_at FROM t_showtime_move WHERE showtime_id = ?",
        Timestamp.class, showtimeId);
    int moved = apply(showtimeId, start, movedAt);
    log.info("showtime {} moved to {}: {} orders follow", showtimeId, startsAt, moved);
    return moved;
  }

  /** Orders placed around a recent move follow it too. */
  @Scheduled(fixedDelayString = "${ticket.order.move-follow-up-interval:PT1M}",
      initialDelayString = "${ticket.order.move-follow-up-interval:PT1M}")
  public void followUp() {
    Timestamp since = Timestamp.from(clock.instant().minus(followUp));
    moves.query("SELECT showtime_id, starts_at, moved_at FROM t_showtime_move WHERE moved_at > ?", rs -> {
      long showtimeId = rs.getLong(1);
      try {
        int late = apply(showtimeId, rs.getTimestamp(2), rs.getTimestamp(3));
        if (late > 0) {
          log.info("showtime {}: {} orders placed around its move follow it", showtimeId, late);
        }
      } catch (RuntimeException e) {
        log.warn("showtime {}: move not re-applied now: {}", showtimeId, e.toString());
      }
    }, since);
  }

  private int apply(long showtimeId, Timestamp start, Timestamp movedAt) {
    Timestamp now = Timestamp.from(clock.instant());
    // the version moves too: a refund decided on the old start misses its version and decides again
    int moved = orders.update("UPDATE t_order SET showtime_starts_at = ?, showtime_moved_at = ?,"
        + " version = version + 1, updated_at = ? WHERE showtime_id = ? AND showtime_starts_at <> ?",
        start, movedAt, now, showtimeId, start);
    // claims are purged some time after the start they carry: they must outlive the new one
    orders.update("UPDATE t_seat_claim SET starts_at = ? WHERE showtime_id = ?"
        + " AND (starts_at IS NULL OR starts_at <> ?)", start, showtimeId, start);
    orders.update("UPDATE t_holder_claim SET starts_at = ? WHERE showtime_id = ?"
        + " AND (starts_at IS NULL OR starts_at <> ?)", start, showtimeId, start);
    return moved;
  }
}
