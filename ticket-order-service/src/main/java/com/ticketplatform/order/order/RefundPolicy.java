package com.ticketplatform.order.order;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Until when a paid order may be refunded (docs/ARCHITECTURE.md §2), under {@code ticket.order.refund}: normally until
 * {@code closesBeforeStart} before the show. A showtime the cinema moved gives its buyers, for {@code afterMove} from
 * the move, a refund up to the new start whatever the normal rule says: they bought another time.
 */
@ConfigurationProperties("ticket.order.refund")
public record RefundPolicy(Duration closesBeforeStart, Duration afterMove) {

  /** Refunds until the show starts, and no more after a move. */
  public static final RefundPolicy UNTIL_START = new RefundPolicy(Duration.ZERO, Duration.ZERO);

  public RefundPolicy {
    closesBeforeStart = closesBeforeStart == null ? Duration.ofMinutes(30) : closesBeforeStart;
    afterMove = afterMove == null ? Duration.ofDays(3) : afterMove;
    if (closesBeforeStart.isNegative() || afterMove.isNegative()) {
      throw new IllegalArgumentException("ticket.order.refund durations cannot be negative");
    }
  }

  /** The last moment (exclusive) a refund may be asked for, for a show at {@code startsAt} moved at {@code movedAt}. */
  public Instant refundableUntil(Instant startsAt, Instant movedAt) {
    Instant normal = startsAt.minus(closesBeforeStart);
    if (movedAt == null) {
      return normal;
    }
    Instant afterTheMove = movedAt.plus(afterMove);
    Instant moved = afterTheMove.isBefore(startsAt) ? afterTheMove : startsAt;
    return moved.isAfter(normal) ? moved : normal;
  }
}
