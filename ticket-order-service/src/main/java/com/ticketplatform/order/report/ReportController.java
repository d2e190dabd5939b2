package com.ticketplatform.order.report;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.order.web.RequestUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
  public SalesReport sales(@RequestHeader(value = AuthHeaders.USER_ROLES, required = false) String roles,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy) {
    RequestUser.requireAdmin(roles);
    return reports.sales(ReportPeriod.parse(from, to), SalesGrouping.parse(groupBy));
  }

  @GetMapping("/api/admin/reports/occupancy")
  public OccupancyReport occupancy(@RequestHeader(value = AuthHeaders.USER_ROLES, required = false) String roles,
      @RequestParam long showtimeId) {
    RequestUser.requireAdmin(roles);
    return reports.occupancy(showtimeId);
  }

  @GetMapping("/api/admin/reports/conversion")
  public ConversionReport conversion(@RequestHeader(value = AuthHeaders.USER_ROLES, required = false) String roles,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    RequestUser.requireAdmin(roles);
    return reports.conversion(ReportPeriod.parse(from, to));
  }
}
