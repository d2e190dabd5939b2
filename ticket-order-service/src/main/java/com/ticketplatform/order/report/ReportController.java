package com.ticketplatform.order.report;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

  @Operation(summary = "Seats sold, held and available: of one showtime (showtimeId: an OccupancyReport), or of every"
      + " showtime of a program that has orders (programId: a ProgramOccupancyReport); exactly one of the two")
  @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
      schema = @Schema(oneOf = {OccupancyReport.class, ProgramOccupancyReport.class})))
  @GetMapping("/api/admin/reports/occupancy")
  public Object occupancy(@RequestParam(required = false) Long showtimeId,
      @RequestParam(required = false) Long programId) {
    if ((showtimeId == null) == (programId == null)) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "give either showtimeId or programId");
    }
    return showtimeId != null ? reports.occupancy(showtimeId) : reports.programOccupancy(programId);
  }

  @GetMapping("/api/admin/reports/conversion")
  public ConversionReport conversion(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return reports.conversion(ReportPeriod.parse(from, to));
  }
}
