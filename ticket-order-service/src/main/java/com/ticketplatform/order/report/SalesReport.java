package com.ticketplatform.order.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Orders paid in the period, per group and currency. {@code gross} is what was paid, {@code refunded} what has been
 * paid back since, {@code net} the difference; {@code tickets} counts the seats of orders not refunded. {@code key}
 * is the program id, the cinema id or the day; {@code label} the film title when grouped by film.
 */
public record SalesReport(LocalDate from, LocalDate to, String groupBy, List<Row> rows) {

  public record Row(String key, String label, String currency, long orders, long tickets, BigDecimal gross,
      BigDecimal refunded, BigDecimal net) {}
}
