package com.ticketplatform.notify.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing to tell one user. {@code dedupKey} names what happened (an event id, or a key such as
 * {@code showtime-cancelled:<id>} when several events tell the same): one inbox entry and one mail per
 * (dedupKey, kind, user), however often it is recorded.
 */
public record Notice(NoticeKind kind, String dedupKey, long userId, Long orderNo, Facts facts) {

  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dedupKey, "dedupKey");
    Objects.requireNonNull(facts, "facts");
  }

  /** What the texts say; any of them may be null when the events did not carry it. */
  public record Facts(String programTitle, Instant startsAt, BigDecimal amount, String currency,
      Instant expiresAt, String reason) {

    public static Facts of(String programTitle, Instant startsAt) {
      return new Facts(programTitle, startsAt, null, null, null, null);
    }

    public Facts withMoney(BigDecimal amount, String currency) {
      return new Facts(programTitle, startsAt, amount, currency, expiresAt, reason);
    }

    public Facts withExpiry(Instant expiresAt) {
      return new Facts(programTitle, startsAt, amount, currency, expiresAt, reason);
    }

    public Facts withReason(String reason) {
      return new Facts(programTitle, startsAt, amount, currency, expiresAt, reason);
    }
  }
}
