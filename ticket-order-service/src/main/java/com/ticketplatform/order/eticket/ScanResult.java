package com.ticketplatform.order.eticket;

import java.time.Instant;

/**
 * A gate's answer. Ticket, seat and holder are set whenever the code's signature verified (so staff can see what was
 * shown even when it is refused); {@code usedAt}/{@code usedGate} are the first admission's.
 */
public record ScanResult(ScanOutcome outcome, Long ticketId, Long orderNo, Long showtimeId, String seatLabel,
    String holder, Instant usedAt, String usedGate) {

  static ScanResult invalid() {
    return new ScanResult(ScanOutcome.INVALID, null, null, null, null, null, null, null);
  }

  static ScanResult of(ScanOutcome outcome, TicketCode code) {
    return new ScanResult(outcome, code.ticketId(), code.orderNo(), code.showtimeId(), code.seatLabel(),
        code.holder().isEmpty() ? null : code.holder(), null, null);
  }

  ScanResult used(Instant at, String gate) {
    return new ScanResult(outcome, ticketId, orderNo, showtimeId, seatLabel, holder, at, gate);
  }
}
