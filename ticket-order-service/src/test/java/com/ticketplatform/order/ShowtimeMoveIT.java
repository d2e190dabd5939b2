package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.ProgramEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.move.ShowtimeMoves;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A showtime the cinema moves (docs/ARCHITECTURE.md §2): its orders, e-tickets and seat claims follow the new start,
 * the buyers may refund up to it for a while although the normal rule (30 minutes before the show) would refuse, a
 * code issued before the move admits at the new time and not the old, and the same event twice changes nothing.
 */
class ShowtimeMoveIT extends OrderServiceITBase {

  static final long CINEMA = 43;
  static final String DOOR = "DOOR:" + CINEMA;

  @Autowired ShowtimeMoves moves;
  @Autowired DataSource shards;

  @AfterEach
  void backToNow() {
    clock.reset();
  }


  JsonNode order(long user, long orderNo) {
    Response r = call("GET", "/api/orders/" + orderNo, user, null, null);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body();
  }

  void announce(ShowtimeSaleInfo show, String status, Instant startsAt) throws Exception {
    ProgramEvents.ShowtimeChanged changed = new ProgramEvents.ShowtimeChanged(show.programId(), show.showtimeId(),
        status, startsAt);
    kafka.send(Topics.PROGRAM_EVENTS, Long.toString(show.programId()), json.writeValueAsString(EventEnvelope.of(
        "ShowtimeChanged", Instant.now(), Long.toString(show.programId()), changed))).get();
  }

  String scan(String code) {
    Response r = call("POST", "/api/checkin/scans", 777L, DOOR, null, Map.of("code", code, "gate", "main"));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body().path("outcome").asText();
  }

  @Test
  void aMovedShowtimesBuyersFollowItToTheDoorAndMayRefundForFreeUntilTheNewStart() throws Exception {
    Instant start = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
    ShowtimeSaleInfo show = programs.onSale(10, start, CINEMA);
    initInventory(show.showtimeId(), 10);
    long alice = randomUser();
    long bob = randomUser();
    long aliceOrder = placePaid(alice, show, 1L, 2L);
    long bobOrder = placePaid(bob, show, 3L);

    // twenty minutes before the show the normal rule has closed refunds, and says until when it was open
    assertThat(Instant.parse(order(bob, bobOrder).path("refundableUntil").asText()))
        .isEqualTo(start.minus(Duration.ofMinutes(30)));
    Response refused = call("POST", "/api/orders/" + bobOrder + "/refund", bob, null, null);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().path("code").asText()).isEqualTo("ORDER_NOT_REFUNDABLE");
    Response codes = call("GET", "/api/orders/" + aliceOrder + "/tickets", alice, null, null);
    String issuedBeforeTheMove = codes.body().get(0).path("code").asText();

    // the cinema moves it to tomorrow; a hall rename (the same start) before it changes nothing
    announce(show, "ON_SALE", start);
    Instant later = start.plus(Duration.ofDays(1));
    announce(show, "ON_SALE", later);
    await("orders moved", () -> later.equals(Instant.parse(order(alice, aliceOrder).path("showtimeStartsAt")
        .asText())) && later.equals(Instant.parse(order(bob, bobOrder).path("showtimeStartsAt").asText())));
    JsonNode moved = order(bob, bobOrder);
    Instant movedAt = Instant.parse(moved.path("showtimeMovedAt").asText());
    assertThat(movedAt).isBetween(clock.instant().minus(Duration.ofMinutes(1)), clock.instant());
    assertThat(Instant.parse(moved.path("refundableUntil").asText())).as("up to the new start, within 3 days")
        .isEqualTo(later);
    JdbcTemplate jdbc = new JdbcTemplate(shards);
    assertThat(jdbc.queryForList("SELECT starts_at FROM t_seat_claim WHERE showtime_id = ?", Timestamp.class,
        show.showtimeId())).as("claims outlive the new start").hasSize(3)
        .allSatisfy(t -> assertThat(t.toInstant()).isEqualTo(later));

    // the same event again (a redelivery, another instance): nothing moves twice
    announce(show, "ON_SALE", later);
    assertThat(moves.move(show.showtimeId(), later)).isZero();
    assertThat(Instant.parse(order(bob, bobOrder).path("showtimeMovedAt").asText())).isEqualTo(movedAt);

    // the code issued before the move: too early now (doors open two hours before the new start), fine tomorrow
    assertThat(scan(issuedBeforeTheMove)).isEqualTo("TOO_EARLY");
    Response pack = call("GET", "/api/checkin/showtimes/" + show.showtimeId() + "/pack", 777L, DOOR, null, null);
    assertThat(Instant.parse(pack.body().path("admitFrom").asText())).isEqualTo(later.minus(Duration.ofHours(2)));

    // ten minutes before the new start: the normal rule would refuse, the move lets bob go for free
    clock.advance(Duration.between(clock.instant(), later.minus(Duration.ofMinutes(10))));
    Response refund = call("POST", "/api/orders/" + bobOrder + "/refund", bob, null, null);
    assertThat(refund.status()).as(String.valueOf(refund.body())).isEqualTo(200);
    assertThat(refund.body().path("status").asText()).isEqualTo("REFUNDING");
    assertThat(pay.refunds).containsKey(bobOrder);
    assertThat(scan(issuedBeforeTheMove)).isEqualTo("ADMITTED");
  }

  @Test
  void theFreeRefundEndsAfterItsPeriodAndAMoveBeforeAnySaleIsNothingToFollow() throws Exception {
    Instant start = clock.instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    ShowtimeSaleInfo show = programs.onSale(10, start, CINEMA);
    initInventory(show.showtimeId(), 10);
    assertThat(moves.move(show.showtimeId(), start.plus(Duration.ofHours(1)))).as("no order yet").isZero();

    long carol = randomUser();
    long order = placePaid(carol, show, 5L);
    Instant later = start.plus(Duration.ofDays(2));
    assertThat(moves.move(show.showtimeId(), later)).isEqualTo(1);
    assertThat(order(carol, order).path("showtimeMovedAt").asText()).isNotBlank();
    assertThat(Instant.parse(order(carol, order).path("refundableUntil").asText()))
        .as("the show is twelve days away: the normal rule gives more than the three days after the move")
        .isEqualTo(later.minus(Duration.ofMinutes(30)));

    // twenty minutes before the show, long after the free period: the normal rule again
    clock.advance(Duration.between(clock.instant(), later.minus(Duration.ofMinutes(20))));
    Response refused = call("POST", "/api/orders/" + order + "/refund", carol, null, null);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(status(carol, order)).isEqualTo("PAID");
    assertThat(pay.refunds).doesNotContainKey(order);
  }

  @Test
  void anOrderPlacedFromTheOldStartAfterTheMoveFollowsItAndAnUnreadableEventHoldsNothingUp() throws Exception {
    Instant start = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
    ShowtimeSaleInfo show = programs.onSale(10, start, CINEMA);
    initInventory(show.showtimeId(), 10);
    // on sale at its first start, then moved before anyone bought: nothing to move yet, but the move is kept
    assertThat(moves.move(show.showtimeId(), start)).isZero();
    Instant later = start.plus(Duration.ofHours(6));
    assertThat(moves.move(show.showtimeId(), later)).isZero();

    // a buyer whose sale info was read before the move: the order keeps the old start until the follow-up
    long dave = randomUser();
    long order = placePaid(dave, show, 7L);
    assertThat(Instant.parse(order(dave, order).path("showtimeStartsAt").asText())).isEqualTo(start);
    moves.followUp();
    assertThat(Instant.parse(order(dave, order).path("showtimeStartsAt").asText())).isEqualTo(later);
    assertThat(order(dave, order).path("showtimeMovedAt").asText()).isNotBlank();

    // an unreadable program event is skipped, not retried for ever: the move announced after it is applied
    kafka.send(Topics.PROGRAM_EVENTS, Long.toString(show.programId()), "{not json").get();
    Instant evenLater = later.plus(Duration.ofHours(1));
    announce(show, "ON_SALE", evenLater);
    await("the move after the unreadable event", () -> evenLater.equals(Instant.parse(order(dave, order)
        .path("showtimeStartsAt").asText())));
  }
}
