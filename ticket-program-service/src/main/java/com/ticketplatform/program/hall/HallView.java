package com.ticketplatform.program.hall;

import java.util.List;

public record HallView(long hallId, long cinemaId, String name, int rows, int cols, int seatCount,
    List<SeatView> seats) {

  public record SeatView(long seatId, int row, int col, String label, String type, String tier) {}

  static HallView of(Hall hall, List<Seat> seats) {
    return new HallView(hall.id, hall.cinemaId, hall.name, hall.seatRows, hall.seatCols, hall.seatCount,
        seats.stream().map(s -> new SeatView(s.id, s.rowNo, s.colNo, s.label, s.seatType, s.priceTier)).toList());
  }
}
