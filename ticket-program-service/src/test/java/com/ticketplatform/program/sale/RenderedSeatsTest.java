package com.ticketplatform.program.sale;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.json.PublicIdsModule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RenderedSeatsTest {

  final JsonMapper json = JsonMapper.builder().addModule(new PublicIdsModule()).build();
  final RenderedSeats rendered = new RenderedSeats(json);

  static ShowtimeLayout layout(BigDecimal price) {
    return new ShowtimeLayout(77L, 5L, "Premiere", 3L, "Grand", "Asia/Shanghai", 9L, "Hall 1", null, null,
        "ON_SALE", "CNY", 1, 3, List.of(
            new ShowtimeLayout.LayoutSeat(123562421792014336L, 1, 1, "A1", "STANDARD", "B", price),
            new ShowtimeLayout.LayoutSeat(123562421792014337L, 1, 2, "A2", "VIP", "A", new BigDecimal("120.50")),
            new ShowtimeLayout.LayoutSeat(123562421792014338L, 1, 3, "A\"3", "STANDARD", "B", price)),
        0);
  }

  private String asJackson(ShowtimeLayout layout, List<String> statuses) {
    List<SeatMapView.SeatView> views = new java.util.ArrayList<>();
    for (int i = 0; i < layout.seats().size(); i++) {
      ShowtimeLayout.LayoutSeat s = layout.seats().get(i);
      views.add(new SeatMapView.SeatView(s.seatId(), s.row(), s.col(), s.label(), s.type(), s.tier(), s.price(),
          statuses.get(i)));
    }
    return json.writeValueAsString(views);
  }

  private String asWritten(ShowtimeLayout layout, List<String> statuses) {
    RenderedSeats.Seats seats = rendered.of(layout);
    List<RenderedSeats.Seat> out = new java.util.ArrayList<>();
    for (int i = 0; i < statuses.size(); i++) {
      out.add(seats.seat(i, statuses.get(i)));
    }
    return json.writeValueAsString(out);
  }

  @Test
  void aWrittenSeatIsJacksonsOwnOutputToTheByte() {
    ShowtimeLayout layout = layout(new BigDecimal("45.00"));
    List<String> statuses = List.of("AVAILABLE", "SOLD", "LOCKED");

    String written = asWritten(layout, statuses);

    assertThat(written).isEqualTo(asJackson(layout, statuses));
    // and as bytes, the way an answer is written (the HTTP converter's generator)
    byte[] asBytes = json.writeValueAsBytes(List.of(rendered.of(layout).seat(0, "AVAILABLE"),
        rendered.of(layout).seat(1, "SOLD"), rendered.of(layout).seat(2, "LOCKED")));
    String expected = asJackson(layout, List.of("AVAILABLE", "SOLD", "LOCKED"));
    assertThat(new String(asBytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(written).contains("\"seatId\":\"123562421792014336\"", "\"price\":45.00", "A\\\"3");
    // reused: the same seats, the other statuses, and back
    assertThat(asWritten(layout, List.of("UNAVAILABLE", "AVAILABLE", "SOLD")))
        .isEqualTo(asJackson(layout, List.of("UNAVAILABLE", "AVAILABLE", "SOLD")));
    assertThat(asWritten(layout, statuses)).isEqualTo(written);
  }

  @Test
  void aChangedLayoutIsWrittenAnewAndAnEqualOneIsReused() {
    ShowtimeLayout before = layout(new BigDecimal("45.00"));
    List<String> statuses = List.of("AVAILABLE", "AVAILABLE", "AVAILABLE");
    RenderedSeats.Seat first = rendered.of(before).seat(0, "AVAILABLE");

    // the same layout decoded again (a new near copy): equal seats, the same written seat
    assertThat(rendered.of(layout(new BigDecimal("45.00"))).seat(0, "AVAILABLE")).isSameAs(first);

    ShowtimeLayout repriced = layout(new BigDecimal("50.00"));
    assertThat(asWritten(repriced, statuses)).isEqualTo(asJackson(repriced, statuses)).contains("\"price\":50.00");
  }
}
