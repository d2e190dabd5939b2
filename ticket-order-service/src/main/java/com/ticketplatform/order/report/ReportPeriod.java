package com.ticketplatform.order.report;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Whole UTC days {@code from}..{@code to}, both included; at most a year, so one report stays one cheap scan. */
public record ReportPeriod(LocalDate from, LocalDate to) {

  public static final int MAX_DAYS = 366;

  public static ReportPeriod parse(String from, String to) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (start.isAfter(end)) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "from must not be after to");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "a report covers at most " + MAX_DAYS + " days");
    }
    return new ReportPeriod(start, end);
  }

  private static LocalDate date(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, name + " is required (yyyy-MM-dd)");
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, name + " must be a date (yyyy-MM-dd)");
    }
  }

  Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Exclusive end: the first instant after the last day. */
  Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
