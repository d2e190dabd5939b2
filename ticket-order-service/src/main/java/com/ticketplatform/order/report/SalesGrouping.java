package com.ticketplatform.order.report;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.util.Locale;

/** How sales are grouped: by film (program), by cinema, or by the UTC day of payment. */
public enum SalesGrouping {
  FILM("program_id", "o.program_id"),
  CINEMA("cinema_id", "o.cinema_id"),
  DAY("DATE(paid_at)", "DATE(o.paid_at)");

  final String orderColumn;
  final String joinedColumn;

  SalesGrouping(String orderColumn, String joinedColumn) {
    this.orderColumn = orderColumn;
    this.joinedColumn = joinedColumn;
  }

  public static SalesGrouping parse(String raw) {
    if (raw != null) {
      for (SalesGrouping g : values()) {
        if (g.name().equals(raw.trim().toUpperCase(Locale.ROOT))) {
          return g;
        }
      }
    }
    throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "groupBy must be one of film, cinema, day");
  }
}
