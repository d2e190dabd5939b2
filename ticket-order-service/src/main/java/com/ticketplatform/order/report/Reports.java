package com.ticketplatform.order.report;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.order.OrderStatus;
import feign.FeignException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Admin reports computed from the order shards (see {@link ReportMapper}); nothing is copied to keep them. */
@Service
public class Reports {

  private static final int RATE_SCALE = 4;

  private final ReportMapper mapper;
  private final ProgramClient programs;

  public Reports(ReportMapper mapper, ProgramClient programs) {
    this.mapper = mapper;
    this.programs = programs;
  }

  public SalesReport sales(ReportPeriod period, SalesGrouping grouping) {
    List<ReportMapper.SalesRow> sales = mapper.sales(grouping.orderColumn, period.start(), period.end());
    Map<String, Long> tickets = new HashMap<>();
    for (ReportMapper.TicketRow t : mapper.ticketsSold(grouping.joinedColumn, period.start(), period.end())) {
      tickets.merge(t.groupKey + "/" + t.currency, t.tickets, Long::sum);
    }
    List<SalesReport.Row> rows = sales.stream()
        .map(s -> new SalesReport.Row(s.groupKey, grouping == SalesGrouping.FILM ? s.label : null, s.currency,
            s.orders, tickets.getOrDefault(s.groupKey + "/" + s.currency, 0L), money(s.gross), money(s.refunded),
            money(s.gross).subtract(money(s.refunded))))
        .sorted(grouping == SalesGrouping.DAY
            ? Comparator.comparing(SalesReport.Row::key).thenComparing(SalesReport.Row::currency)
            : Comparator.comparing(SalesReport.Row::net).reversed().thenComparing(SalesReport.Row::key))
        .toList();
    return new SalesReport(period.from(), period.to(), grouping.name().toLowerCase(java.util.Locale.ROOT), rows);
  }

  public OccupancyReport occupancy(long showtimeId) {
    ShowtimeSaleInfo info;
    try {
      info = programs.saleInfo(showtimeId);
    } catch (FeignException.NotFound e) {
      throw new ApiException(HttpStatus.NOT_FOUND, OrderErrors.SHOWTIME_NOT_FOUND, "showtime not found");
    }
    long sold = 0;
    long held = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    for (ReportMapper.SeatStatusRow row : mapper.seatsOfShowtime(showtimeId)) {
      if (OrderStatus.valueOf(row.status) == OrderStatus.PENDING_PAYMENT) {
        held += row.seats;
      } else {
        sold += row.seats;
        revenue = revenue.add(money(row.amount));
      }
    }
    int capacity = info.seats().size();
    BigDecimal occupancy = capacity == 0 ? BigDecimal.ZERO.setScale(RATE_SCALE)
        : BigDecimal.valueOf(sold).divide(BigDecimal.valueOf(capacity), RATE_SCALE, RoundingMode.HALF_UP);
    return new OccupancyReport(showtimeId, info.programId(), info.programTitle(), info.startsAt(), capacity, sold,
        held, Math.max(0, capacity - sold - held), occupancy, money(revenue), info.currency());
  }

  /**
   * The occupancy of each showtime of the program that has orders, earliest first. A showtime the program service no
   * longer knows is left out.
   */
  public ProgramOccupancyReport programOccupancy(long programId) {
    List<OccupancyReport> showtimes = new java.util.ArrayList<>();
    for (long showtimeId : new java.util.TreeSet<>(mapper.showtimesOfProgram(programId))) {
      try {
        showtimes.add(occupancy(showtimeId));
      } catch (ApiException e) {
        if (!OrderErrors.SHOWTIME_NOT_FOUND.equals(e.code())) {
          throw e;
        }
      }
    }
    showtimes.sort(Comparator.comparing(OccupancyReport::startsAt).thenComparing(OccupancyReport::showtimeId));
    return new ProgramOccupancyReport(programId, showtimes);
  }

  public ConversionReport conversion(ReportPeriod period) {
    long holds = 0;
    long paid = 0;
    long refunded = 0;
    long cancelled = 0;
    long pending = 0;
    Map<String, Long> reasons = new TreeMap<>();
    for (ReportMapper.OutcomeRow row : mapper.outcomes(period.start(), period.end())) {
      holds += row.orders;
      switch (OrderStatus.valueOf(row.status)) {
        case PAID, REFUNDING -> paid += row.orders;
        case REFUNDED -> {
          paid += row.orders;
          refunded += row.orders;
        }
        case CANCELLED -> {
          cancelled += row.orders;
          reasons.merge(row.closeReason == null ? "UNKNOWN" : row.closeReason, row.orders, Long::sum);
        }
        case PENDING_PAYMENT -> pending += row.orders;
      }
    }
    return new ConversionReport(period.from(), period.to(), holds, paid, refunded, cancelled, pending,
        rate(paid, holds), rate(paid, holds - pending), reasons);
  }

  private static BigDecimal rate(long part, long whole) {
    return whole == 0 ? BigDecimal.ZERO.setScale(RATE_SCALE)
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }
}
