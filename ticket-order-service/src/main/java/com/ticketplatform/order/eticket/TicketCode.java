package com.ticketplatform.order.eticket;

import java.time.Instant;

/**
 * What an e-ticket's code says, signed (docs/ARCHITECTURE.md §12): enough for a gate to admit or refuse without
 * asking anyone — which ticket of which order, for which showtime at which cinema, the seat, the holder when the
 * show names one (masked), and the window in which the code admits.
 *
 * @param keyNumber the signing key's generation: the verification key to use (published at GET /api/tickets/keys)
 */
public record TicketCode(int keyNumber, long ticketId, long orderNo, long showtimeId, long cinemaId,
    String seatLabel, String holder, Instant validFrom, Instant validUntil) {

  public TicketCode {
    holder = holder == null ? "" : holder;
  }
}
