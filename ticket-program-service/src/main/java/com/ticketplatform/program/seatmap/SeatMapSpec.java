package com.ticketplatform.program.seatmap;

import java.util.List;

/**
 * How an admin describes a hall's seats: a grid of {@code rows × cols} positions, minus the gaps (single missing
 * positions) and aisle columns (a column missing in every row). Every seat is STANDARD / tier B unless a row setting
 * or, more specific, a seat override says otherwise.
 */
public record SeatMapSpec(int rows, int cols, List<Position> gaps, List<Integer> aisleColumns,
    List<RowSetting> rowSettings, List<SeatOverride> seatOverrides) {

  public SeatMapSpec {
    gaps = gaps == null ? List.of() : List.copyOf(gaps);
    aisleColumns = aisleColumns == null ? List.of() : List.copyOf(aisleColumns);
    rowSettings = rowSettings == null ? List.of() : List.copyOf(rowSettings);
    seatOverrides = seatOverrides == null ? List.of() : List.copyOf(seatOverrides);
  }

  public record Position(int row, int col) {}

  /** Type and/or tier for a whole row; a null member keeps the default. */
  public record RowSetting(int row, SeatType type, PriceTier tier) {}

  /** Type and/or tier for one seat; a null member keeps the row's value. */
  public record SeatOverride(int row, int col, SeatType type, PriceTier tier) {}
}
