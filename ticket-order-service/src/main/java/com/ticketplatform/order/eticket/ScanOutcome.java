package com.ticketplatform.order.eticket;

/** What a gate is told about a scanned code; only {@link #ADMITTED} lets the holder in. */
public enum ScanOutcome {
  ADMITTED,
  /** The ticket was admitted before (the answer says when and at which gate). */
  ALREADY_USED,
  /** A valid ticket for another showtime than the one this gate admits. */
  WRONG_SHOWTIME,
  /** A valid ticket for another cinema than the door staff's. */
  WRONG_CINEMA,
  TOO_EARLY,
  TOO_LATE,
  /** Its order was refunded (or is being refunded): the code was revoked. */
  REFUNDED,
  /** Its order was cancelled: the code was revoked. */
  CANCELLED,
  /** Not a code of ours: unreadable, altered, forged, or signed by a key nobody published. */
  INVALID
}
