package com.ticketplatform.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.order.placement.SeatProblems;
import com.ticketplatform.order.seat.SeatRefusal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept refusal says what the direct order's problem would have said, ids as strings like every problem's. */
class RejectionTest {

  @Test
  void aSeatRefusalIsKeptAsItsProblemWithIdsAsStrings() {
    Rejection rejection = Rejection.of(SeatProblems.of(SeatRefusal.taken(List.of(7L, 12L))));

    assertThat(rejection.status()).isEqualTo(409);
    assertThat(rejection.code()).isEqualTo("SEATS_TAKEN");
    assertThat(rejection.detail()).isEqualTo("some of the requested seats are no longer available");
    assertThat(rejection.properties().get("seatIds")).isEqualTo(List.of("7", "12"));
  }
}
