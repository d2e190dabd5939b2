package com.ticketplatform.notify.trigger;

import com.ticketplatform.notify.notice.Notice;
import com.ticketplatform.notify.notice.NoticeKind;
import com.ticketplatform.notify.notice.Notices;
import com.ticketplatform.notify.notice.NotifyProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices that come from the clock, not from an event (docs/ARCHITECTURE.md §14), looked for every
 * {@code ticket.notify.schedule-interval} by the injected {@link Clock}: the reminder {@code reminder-before} the show
 * (again if the show moved), and the warning {@code hold-warning-before} an unpaid order's hold runs out. Each is
 * recorded once per order and start (a second instance's round records nothing new); reminders skip users who turned
 * them off.
 */
@Component
public class Reminders {

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);
  private static final int BATCH = 500;

  private final OrderProjection projection;
  private final Notices notices;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final NotifyProperties properties;

  public Reminders(OrderProjection projection, Notices notices, TransactionTemplate tx, Clock clock,
      NotifyProperties properties) {
    this.projection = projection;
    this.notices = notices;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${ticket.notify.schedule-interval}",
      initialDelayString = "${ticket.notify.schedule-interval}")
  public void onSchedule() {
    try {
      run();
    } catch (RuntimeException e) {
      log.warn("reminder round failed, the next one retries: {}", e.toString());
    }
  }

  /** One round; answers how many notices it recorded. */
  public int run() {
    Instant now = clock.instant();
    int recorded = 0;
    for (OrderProjection.OrderFacts order : projection.dueForReminder(now, now.plus(properties.reminderBefore()),
        BATCH)) {
      Boolean added = tx.execute(status -> {
        boolean isNew = notices.record(new Notice(NoticeKind.SHOW_REMINDER,
            "reminder:" + order.orderNo() + ":" + order.startsAt().toEpochMilli(), order.userId(), order.orderNo(),
            Notice.Facts.of(order.programTitle(), order.startsAt())));
        projection.reminded(order.orderNo(), order.startsAt());
        return isNew;
      });
      recorded += Boolean.TRUE.equals(added) ? 1 : 0;
    }
    for (OrderProjection.OrderFacts order : projection.dueForHoldWarning(now,
        now.plus(properties.holdWarningBefore()), BATCH)) {
      Boolean added = tx.execute(status -> {
        boolean isNew = notices.record(new Notice(NoticeKind.HOLD_EXPIRING, "hold:" + order.orderNo(),
            order.userId(), order.orderNo(),
            Notice.Facts.of(order.programTitle(), order.startsAt()).withExpiry(order.expiresAt())));
        projection.holdWarned(order.orderNo(), now);
        return isNew;
      });
      recorded += Boolean.TRUE.equals(added) ? 1 : 0;
    }
    return recorded;
  }
}
