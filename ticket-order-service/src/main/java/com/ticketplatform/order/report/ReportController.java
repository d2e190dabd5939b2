package com.ticketplatform.order.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin reports; dates are whole UTC days, both ends included. */
@RestController
public class ReportController {

  private final Reports reports;

  public ReportController(Reports reports) {
    this.reports = reports;
  }

  @GetMapping("/api/admin/reports/sales")
  public SalesReport sales(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy) {
    return reports.sales(ReportPeriod.parse(from, to), SalesGrouping.parse(groupBy));
  }

  @GetMapping("/api/admin/reports/occupancy")
  public OccupancyReport occupancy(@RequestParam long showtimeId) {
    return reports.occupancy(showtimeId);
  }

  @GetMapping("/api/admin/reports/conversion")
  public ConversionReport conversion(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return reports.conversion(ReportPeriod.parse(from, to));
  }
}
