package com.ticketplatform.program.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatMapBuilderTest {

  @Test
  void fullGridHasEverySeatStandardTierB() {
    List<PlannedSeat> seats = SeatMapBuilder.build(new SeatMapSpec(2, 3, null, null, null, null));
    assertThat(seats).hasSize(6);
    assertThat(seats).allMatch(s -> s.type() == SeatType.STANDARD && s.tier() == PriceTier.B);
    assertThat(seats.get(0)).isEqualTo(new PlannedSeat(1, 1, "A1", SeatType.STANDARD, PriceTier.B));
    assertThat(seats.get(5)).isEqualTo(new PlannedSeat(2, 3, "B3", SeatType.STANDARD, PriceTier.B));
  }

  @Test
  void gapsAndAislesAreAbsentPositions() {
    List<PlannedSeat> seats = SeatMapBuilder.build(new SeatMapSpec(3, 5,
        List.of(new SeatMapSpec.Position(1, 1)), List.of(3), null, null));
    assertThat(seats).hasSize(3 * 5 - 3 - 1);
    assertThat(seats).noneMatch(s -> s.col() == 3);
    assertThat(seats).noneMatch(s -> s.row() == 1 && s.col() == 1);
    // seat numbers are the column, so a gap never renumbers the rest of the row
    assertThat(seats).anyMatch(s -> s.label().equals("A5"));
  }

  @Test
  void rowSettingsApplyAndSeatOverridesWinOverThem() {
    List<PlannedSeat> seats = SeatMapBuilder.build(new SeatMapSpec(3, 2, null, null,
        List.of(new SeatMapSpec.RowSetting(3, SeatType.WHEELCHAIR, PriceTier.C),
            new SeatMapSpec.RowSetting(2, null, PriceTier.A)),
        List.of(new SeatMapSpec.SeatOverride(3, 2, SeatType.COUPLE, null),
            new SeatMapSpec.SeatOverride(1, 1, SeatType.VIP, PriceTier.A))));
    assertThat(find(seats, 1, 1)).isEqualTo(new PlannedSeat(1, 1, "A1", SeatType.VIP, PriceTier.A));
    assertThat(find(seats, 1, 2).tier()).isEqualTo(PriceTier.B);
    assertThat(find(seats, 2, 1)).extracting(PlannedSeat::type, PlannedSeat::tier)
        .containsExactly(SeatType.STANDARD, PriceTier.A);
    assertThat(find(seats, 3, 1)).extracting(PlannedSeat::type, PlannedSeat::tier)
        .containsExactly(SeatType.WHEELCHAIR, PriceTier.C);
    assertThat(find(seats, 3, 2)).extracting(PlannedSeat::type, PlannedSeat::tier)
        .containsExactly(SeatType.COUPLE, PriceTier.C);
  }

  @Test
  void rowLabelsContinuePastZ() {
    assertThat(SeatMapBuilder.rowLabel(1)).isEqualTo("A");
    assertThat(SeatMapBuilder.rowLabel(26)).isEqualTo("Z");
    assertThat(SeatMapBuilder.rowLabel(27)).isEqualTo("AA");
    assertThat(SeatMapBuilder.rowLabel(28)).isEqualTo("AB");
  }

  @Test
  void rejectsGridsOutOfBounds() {
    assertInvalid(new SeatMapSpec(0, 5, null, null, null, null));
    assertInvalid(new SeatMapSpec(5, SeatMapBuilder.MAX_COLS + 1, null, null, null, null));
    assertInvalid(new SeatMapSpec(2, 2, List.of(new SeatMapSpec.Position(3, 1)), null, null, null));
    assertInvalid(new SeatMapSpec(2, 2, null, List.of(0), null, null));
    assertInvalid(new SeatMapSpec(2, 2, null, null, List.of(new SeatMapSpec.RowSetting(5, null, PriceTier.A)), null));
  }

  @Test
  void rejectsOverrideOnAGapAndMapsWithoutSeats() {
    assertInvalid(new SeatMapSpec(2, 2, List.of(new SeatMapSpec.Position(1, 1)), null, null,
        List.of(new SeatMapSpec.SeatOverride(1, 1, SeatType.VIP, null))));
    assertInvalid(new SeatMapSpec(1, 2, null, List.of(1, 2), null, null));
  }

  @Test
  void companionSeatsBesideAWheelchairSeatAreAccepted() {
    List<PlannedSeat> seats = SeatMapBuilder.build(new SeatMapSpec(2, 4, null, null, null,
        List.of(new SeatMapSpec.SeatOverride(1, 2, SeatType.WHEELCHAIR, null),
            new SeatMapSpec.SeatOverride(1, 1, SeatType.COMPANION, null),
            new SeatMapSpec.SeatOverride(1, 3, SeatType.COMPANION, null))));
    assertThat(find(seats, 1, 1).type()).isEqualTo(SeatType.COMPANION);
    assertThat(find(seats, 1, 3).type()).isEqualTo(SeatType.COMPANION);
  }

  @Test
  void companionSeatAwayFromAWheelchairSeatIsRefused() {
    // alone in the hall
    assertInvalidWith(new SeatMapSpec(2, 4, null, null, null,
        List.of(new SeatMapSpec.SeatOverride(1, 1, SeatType.COMPANION, null))), "companion seat A1");
    // the wheelchair seat is two columns away
    assertInvalidWith(new SeatMapSpec(2, 4, null, null, null,
        List.of(new SeatMapSpec.SeatOverride(1, 1, SeatType.WHEELCHAIR, null),
            new SeatMapSpec.SeatOverride(1, 3, SeatType.COMPANION, null))), "companion seat A3");
    // the wheelchair seat is in the next row, not the same one
    assertInvalidWith(new SeatMapSpec(2, 4, null, null, null,
        List.of(new SeatMapSpec.SeatOverride(2, 1, SeatType.WHEELCHAIR, null),
            new SeatMapSpec.SeatOverride(1, 1, SeatType.COMPANION, null))), "companion seat A1");
    // an aisle between them: the neighbouring position is not a seat
    assertInvalidWith(new SeatMapSpec(1, 3, null, List.of(2), null,
        List.of(new SeatMapSpec.SeatOverride(1, 1, SeatType.WHEELCHAIR, null),
            new SeatMapSpec.SeatOverride(1, 3, SeatType.COMPANION, null))), "companion seat A3");
    // a whole row of companions has no wheelchair seat beside any of them
    assertInvalidWith(new SeatMapSpec(2, 2, null, null,
        List.of(new SeatMapSpec.RowSetting(1, SeatType.COMPANION, null)), null), "must be next to a wheelchair seat");
  }

  private static void assertInvalidWith(SeatMapSpec spec, String detail) {
    assertInvalid(spec);
    assertThatThrownBy(() -> SeatMapBuilder.build(spec)).hasMessageContaining(detail);
  }

  private static void assertInvalid(SeatMapSpec spec) {
    assertThatThrownBy(() -> SeatMapBuilder.build(spec)).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(SeatMapBuilder.INVALID_SEAT_MAP))
        .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
  }

  private static PlannedSeat find(List<PlannedSeat> seats, int row, int col) {
    return seats.stream().filter(s -> s.row() == row && s.col() == col).findFirst().orElseThrow();
  }
}
