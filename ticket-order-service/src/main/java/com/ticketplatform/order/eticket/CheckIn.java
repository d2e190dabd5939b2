package com.ticketplatform.order.eticket;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The door (docs/ARCHITECTURE.md §12): a scan is checked offline first — signature with a published key, the gate's
 * showtime, the staff's cinema, the validity window — and only then against the order, where the first admission
 * wins ({@link Admissions}). Offline gates download a showtime's pack (verification keys, revoked and admitted
 * tickets), admit by themselves, and sync their scans later; the sync keeps the earliest admission of each ticket and
 * reports every ticket two gates let in.
 */
public class CheckIn {

  /** How far an offline gate's clock may run ahead of ours. */
  private static final Duration SKEW = Duration.ofMinutes(2);

  private final TicketSigner signer;
  private final Admissions admissions;
  private final ETicketProperties properties;
  private final Clock clock;

  CheckIn(TicketSigner signer, Admissions admissions, ETicketProperties properties, Clock clock) {
    this.properties = properties;
    this.signer = signer;
    this.admissions = admissions;
    this.clock = clock;
  }

  /** An online scan at {@code gate}; {@code showtimeId} is the showtime the gate admits, if it admits only one. */
  public ScanResult scan(Caller door, String codeText, String gate, Long showtimeId) {
    door.requireDoorStaff();
    return decide(door, codeText, gate, showtimeId, clock.instant(), false).result();
  }

  /** A decision, and the admission it replaced when an offline scan turned out earlier than the one on record. */
  private record Decision(ScanResult result, TicketCode code, Instant replacedAt, String replacedGate) {
    Decision(ScanResult result, TicketCode code) {
      this(result, code, null, null);
    }
  }

  private Decision decide(Caller door, String codeText, String gate, Long showtimeId, Instant at, boolean offline) {
    Optional<TicketCode> verified = signer.verify(codeText);
    if (verified.isEmpty()) {
      return new Decision(ScanResult.invalid(), null);
    }
    TicketCode code = verified.get();
    if (!door.isDoorOf(code.cinemaId())) {
      // staff of another cinema learn nothing about the ticket
      return new Decision(new ScanResult(ScanOutcome.WRONG_CINEMA, null, null, null, null, null, null, null), code);
    }
    if (showtimeId != null && showtimeId != code.showtimeId()) {
      return new Decision(ScanResult.of(ScanOutcome.WRONG_SHOWTIME, code), code);
    }
    // the window the code carries, unless the showtime has moved since: then its order's start decides
    Instant startsAt = admissions.startsAt(code.orderNo()).orElse(null);
    Instant from = startsAt == null ? code.validFrom() : startsAt.minus(properties.admitBefore());
    Instant until = startsAt == null ? code.validUntil() : startsAt.plus(properties.admitAfter());
    if (at.isBefore(from)) {
      return new Decision(ScanResult.of(ScanOutcome.TOO_EARLY, code), code);
    }
    if (at.isAfter(until)) {
      return new Decision(ScanResult.of(ScanOutcome.TOO_LATE, code), code);
    }
    Admissions.Attempt attempt = admissions.admit(code.orderNo(), code.ticketId(), at, gate, offline);
    return new Decision(outcome(attempt, code), code, attempt.replacedAt(), attempt.replacedGate());
  }

  private static ScanResult outcome(Admissions.Attempt attempt, TicketCode code) {
    if (attempt.orderStatus() == null) {
      return ScanResult.invalid();
    }
    return switch (attempt.orderStatus()) {
      case "PAID" -> attempt.admitted()
          ? ScanResult.of(ScanOutcome.ADMITTED, code).used(attempt.usedAt(), attempt.usedGate())
          : attempt.usedAt() == null ? ScanResult.invalid()
              : ScanResult.of(ScanOutcome.ALREADY_USED, code).used(attempt.usedAt(), attempt.usedGate());
      case "REFUNDING", "REFUNDED" -> ScanResult.of(ScanOutcome.REFUNDED, code);
      case "CANCELLED" -> ScanResult.of(ScanOutcome.CANCELLED, code);
      default -> ScanResult.invalid();
    };
  }

  /**
   * What an offline gate needs to admit a showtime's audience by itself. {@code admitFrom}/{@code admitUntil}: the
   * showtime's window now (null before its first sale); it wins over the window a code carries, which a move of the
   * showtime made stale.
   */
  public record Pack(long showtimeId, Instant generatedAt, List<TicketSigner.VerificationKey> keys,
      List<Long> revokedTicketIds, List<Long> admittedTicketIds, Instant admitFrom, Instant admitUntil) {}

  public Pack pack(Caller door, long showtimeId) {
    door.requireDoorStaff();
    Admissions.ShowtimeState state = admissions.showtime(showtimeId);
    if (state.cinemaId() != null && !door.isDoorOf(state.cinemaId())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "WRONG_CINEMA", "this showtime plays at another cinema");
    }
    Instant startsAt = state.startsAt();
    return new Pack(showtimeId, clock.instant(), signer.publishedKeys(), state.revoked(), state.admitted(),
        startsAt == null ? null : startsAt.minus(properties.admitBefore()),
        startsAt == null ? null : startsAt.plus(properties.admitAfter()));
  }

  /** One scan an offline gate made. */
  public record OfflineScan(String code, Instant scannedAt) {}

  /** A ticket two gates let in: who was first (kept) and who came after. */
  public record DoubleAdmission(long ticketId, String seatLabel, Instant firstAt, String firstGate, Instant laterAt,
      String laterGate) {}

  /**
   * The sync's answer: each scan as the platform now decides it, every ticket admitted twice, and every ticket the
   * gate admitted although its order had been refunded or cancelled (revoked before the gate knew it).
   */
  public record SyncReport(List<ScanResult> results, List<DoubleAdmission> admittedTwice,
      List<ScanResult> admittedThoughRevoked) {}

  /**
   * @param scans the admissions the gate made while offline (a scan it refused by itself is not an admission)
   */
  public SyncReport sync(Caller door, long showtimeId, String gate, List<OfflineScan> scans) {
    door.requireDoorStaff();
    Instant latest = clock.instant().plus(SKEW);
    List<ScanResult> results = new ArrayList<>();
    List<DoubleAdmission> twice = new ArrayList<>();
    List<ScanResult> revoked = new ArrayList<>();
    for (OfflineScan scan : scans) {
      Instant at = scan.scannedAt() == null || scan.scannedAt().isAfter(latest) ? clock.instant() : scan.scannedAt();
      Decision decision = decide(door, scan.code(), gate, showtimeId, at, true);
      ScanResult result = decision.result();
      results.add(result);
      if (result.outcome() == ScanOutcome.REFUNDED || result.outcome() == ScanOutcome.CANCELLED) {
        revoked.add(result.used(at, gate));
      } else if (result.outcome() == ScanOutcome.ALREADY_USED) {
        // another gate admitted the holder earlier, and this one let them in too: the first admission stays
        twice.add(new DoubleAdmission(result.ticketId(), result.seatLabel(), result.usedAt(), result.usedGate(), at,
            gate));
      } else if (result.outcome() == ScanOutcome.ADMITTED && decision.replacedAt() != null) {
        // this offline admission was the earlier one: it is kept, the later one on record is the second
        twice.add(new DoubleAdmission(result.ticketId(), result.seatLabel(), at, gate, decision.replacedAt(),
            decision.replacedGate()));
      }
    }
    return new SyncReport(results, twice, revoked);
  }
}
