package com.ticketplatform.program.sale;

import com.ticketplatform.common.error.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SeatMapController {

  private final SeatMapService seatMaps;

  public SeatMapController(SeatMapService seatMaps) {
    this.seatMaps = seatMaps;
  }

  @GetMapping("/api/showtimes/{showtimeId}/seats")
  public SeatMapView seats(@PathVariable long showtimeId) {
    return seatMaps.seatMap(showtimeId);
  }

  /**
   * Only the seats' live statuses, on the seat map's grid (docs/ARCHITECTURE.md §4): what a buyer who has
   * the map re-reads, a hundredth of its size.
   */
  @GetMapping("/api/showtimes/{showtimeId}/availability")
  public SeatAvailability availability(@PathVariable long showtimeId) {
    return seatMaps.availability(showtimeId);
  }

  /** The same seat map addressed under its program (docs/ARCHITECTURE.md §2); a showtime of another program is 404. */
  @GetMapping("/api/programs/{programId}/showtimes/{showtimeId}/seats")
  public SeatMapView seatsOfProgram(@PathVariable long programId, @PathVariable long showtimeId) {
    SeatMapView view = seatMaps.seatMap(showtimeId);
    if (view.programId() != programId) {
      throw ApiException.notFound("showtime " + showtimeId);
    }
    return view;
  }
}
