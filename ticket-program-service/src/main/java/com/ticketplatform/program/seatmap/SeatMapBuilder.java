package com.ticketplatform.program.seatmap;

import com.ticketplatform.common.error.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a {@link SeatMapSpec} into the hall's seats, rejecting anything that does not describe a real grid. */
public final class SeatMapBuilder {

  public static final int MAX_ROWS = 60;
  public static final int MAX_COLS = 80;
  public static final String INVALID_SEAT_MAP = "INVALID_SEAT_MAP";
  static final SeatType DEFAULT_TYPE = SeatType.STANDARD;
  static final PriceTier DEFAULT_TIER = PriceTier.B;

  private SeatMapBuilder() {}

  public static List<PlannedSeat> build(SeatMapSpec spec) {
    if (spec.rows() < 1 || spec.rows() > MAX_ROWS) {
      throw invalid("rows must be between 1 and " + MAX_ROWS);
    }
    if (spec.cols() < 1 || spec.cols() > MAX_COLS) {
      throw invalid("cols must be between 1 and " + MAX_COLS);
    }
    Set<Long> missing = new HashSet<>();
    for (SeatMapSpec.Position gap : spec.gaps()) {
      requireInside(spec, gap.row(), gap.col(), "gap");
      missing.add(key(gap.row(), gap.col()));
    }
    for (Integer aisle : spec.aisleColumns()) {
      if (aisle == null || aisle < 1 || aisle > spec.cols()) {
        throw invalid("aisle column " + aisle + " is outside 1.." + spec.cols());
      }
      for (int row = 1; row <= spec.rows(); row++) {
        missing.add(key(row, aisle));
      }
    }
    Map<Integer, SeatMapSpec.RowSetting> rowSettings = new HashMap<>();
    for (SeatMapSpec.RowSetting setting : spec.rowSettings()) {
      if (setting.row() < 1 || setting.row() > spec.rows()) {
        throw invalid("row setting for row " + setting.row() + " is outside 1.." + spec.rows());
      }
      if (rowSettings.put(setting.row(), setting) != null) {
        throw invalid("row " + setting.row() + " has more than one row setting");
      }
    }
    Map<Long, SeatMapSpec.SeatOverride> overrides = new HashMap<>();
    for (SeatMapSpec.SeatOverride override : spec.seatOverrides()) {
      requireInside(spec, override.row(), override.col(), "seat override");
      long key = key(override.row(), override.col());
      if (missing.contains(key)) {
        throw invalid("seat override at row " + override.row() + ", col " + override.col() + " is on a gap");
      }
      if (overrides.put(key, override) != null) {
        throw invalid("seat at row " + override.row() + ", col " + override.col() + " is overridden twice");
      }
    }
    List<PlannedSeat> seats = new ArrayList<>();
    for (int row = 1; row <= spec.rows(); row++) {
      SeatMapSpec.RowSetting rowSetting = rowSettings.get(row);
      SeatType rowType = rowSetting != null && rowSetting.type() != null ? rowSetting.type() : DEFAULT_TYPE;
      PriceTier rowTier = rowSetting != null && rowSetting.tier() != null ? rowSetting.tier() : DEFAULT_TIER;
      for (int col = 1; col <= spec.cols(); col++) {
        long key = key(row, col);
        if (missing.contains(key)) {
          continue;
        }
        SeatMapSpec.SeatOverride override = overrides.get(key);
        SeatType type = override != null && override.type() != null ? override.type() : rowType;
        PriceTier tier = override != null && override.tier() != null ? override.tier() : rowTier;
        seats.add(new PlannedSeat(row, col, label(row, col), type, tier));
      }
    }
    if (seats.isEmpty()) {
      throw invalid("the seat map has no seats");
    }
    requireCompanionsBesideWheelchairs(seats);
    return List.copyOf(seats);
  }

  /** Row letters as on a cinema ticket: A..Z, then AA, AB...; the seat number is its column, so it never shifts. */
  public static String rowLabel(int row) {
    StringBuilder label = new StringBuilder();
    int n = row;
    while (n > 0) {
      n--;
      label.insert(0, (char) ('A' + n % 26));
      n /= 26;
    }
    return label.toString();
  }

  public static String label(int row, int col) {
    return rowLabel(row) + col;
  }

  /** A companion seat is for the person accompanying a wheelchair user, so it must sit right beside a wheelchair space. */
  private static void requireCompanionsBesideWheelchairs(List<PlannedSeat> seats) {
    Set<Long> wheelchairs = new HashSet<>();
    for (PlannedSeat seat : seats) {
      if (seat.type() == SeatType.WHEELCHAIR) {
        wheelchairs.add(key(seat.row(), seat.col()));
      }
    }
    for (PlannedSeat seat : seats) {
      if (seat.type() == SeatType.COMPANION && !wheelchairs.contains(key(seat.row(), seat.col() - 1))
          && !wheelchairs.contains(key(seat.row(), seat.col() + 1))) {
        throw invalid("companion seat " + seat.label() + " (row " + seat.row() + ", col " + seat.col()
            + ") must be next to a wheelchair seat in the same row");
      }
    }
  }

  private static void requireInside(SeatMapSpec spec, int row, int col, String what) {
    if (row < 1 || row > spec.rows() || col < 1 || col > spec.cols()) {
      throw invalid(what + " at row " + row + ", col " + col + " is outside the " + spec.rows() + "x" + spec.cols()
          + " grid");
    }
  }

  private static long key(int row, int col) {
    return ((long) row << 32) | col;
  }

  private static ApiException invalid(String detail) {
    return ApiException.badRequest(INVALID_SEAT_MAP, detail);
  }
}
