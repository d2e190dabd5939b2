package com.ticketplatform.program.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A board's header names the seats it was built for, and only those, in that order. */
class BoardLayoutTest {

  private static byte[] board(String header, int seats) {
    return (header + "A".repeat(seats)).getBytes(StandardCharsets.US_ASCII);
  }

  private static String header(SeatInventory.BoardLayout layout) {
    return layout.header();
  }

  @Test
  void theHeaderIsSixteenHexDigitsOfTheSeatIdsInOrder() {
    SeatInventory.BoardLayout layout = new SeatInventory.BoardLayout(new long[] {11, 12, 13});
    String header = header(layout);
    assertThat(header).hasSize(SeatInventoryKeys.BOARD_HEADER).matches("[0-9a-f]{16}");
    assertThat(header(new SeatInventory.BoardLayout(new long[] {11, 12, 13}))).isEqualTo(header);
    // other seats, or the same seats in another order, are another layout
    assertThat(header(new SeatInventory.BoardLayout(new long[] {11, 12, 14}))).isNotEqualTo(header);
    assertThat(header(new SeatInventory.BoardLayout(new long[] {13, 12, 11}))).isNotEqualTo(header);
    // "1,23," and "12,3," are not the same seats
    assertThat(header(new SeatInventory.BoardLayout(new long[] {1, 23})))
        .isNotEqualTo(header(new SeatInventory.BoardLayout(new long[] {12, 3})));
  }

  @Test
  void aBoardFitsByItsOwnHeaderAndOneBytePerSeatOnly() {
    SeatInventory.BoardLayout layout = new SeatInventory.BoardLayout(new long[] {11, 12, 13});
    SeatInventory.BoardLayout other = new SeatInventory.BoardLayout(new long[] {11, 12, 14});
    assertThat(layout.fits(board(header(layout), 3))).isTrue();
    assertThat(layout.fits(board(header(other), 3))).isFalse();
    assertThat(layout.fits(board(header(layout), 2))).isFalse();
    assertThat(layout.fits(board(header(layout), 4))).isFalse();
    assertThat(layout.fits("abc".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }
}
