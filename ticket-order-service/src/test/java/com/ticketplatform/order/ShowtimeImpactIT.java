package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a cancel would do, asked before it is done (GET /api/admin/orders/showtimes/{id}/impact), and the occupancy of
 * a whole program in one call (GET /api/admin/reports/occupancy?programId=), over orders placed and paid through the
 * API.
 */
class ShowtimeImpactIT extends OrderServiceITBase {

  private void pay(long user, long orderNo, String amount) throws Exception {
    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal(amount), "CNY",
        clock.instant()), orderNo);
    await("order " + orderNo + " paid", () -> "PAID".equals(status(user, orderNo)));
  }

  @Test
  void theImpactCountsOrdersAndDistinctBuyersByStatusWithThePaidAmount() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long fan = randomUser();
    long first = place(fan, show, 1L, 2L); // 50.00 + 80.00
    pay(fan, first, "130.00");
    long second = place(fan, show, 3L);
    pay(fan, second, "50.00");
    long undecided = randomUser();
    place(undecided, show, 4L);

    Response r = call("GET", "/api/admin/orders/showtimes/" + show.showtimeId() + "/impact", 1L, "CUSTOMER,ADMIN",
        null, null);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    JsonNode impact = r.body();
    assertThat(impact.path("showtimeId").isString()).as("ids are strings").isTrue();
    assertThat(impact.path("showtimeId").asText()).isEqualTo(Long.toString(show.showtimeId()));
    assertThat(impact.path("orders").asLong()).isEqualTo(3);
    assertThat(impact.path("buyers").asLong()).isEqualTo(2);
    assertThat(impact.path("refundOrders").asLong()).isEqualTo(2);
    assertThat(impact.path("refundBuyers").asLong()).isEqualTo(1);
    assertThat(impact.path("refundAmount").decimalValue()).isEqualByComparingTo("180.00");
    assertThat(impact.path("refundAmount").isNumber()).isTrue();
    assertThat(impact.path("cancelOrders").asLong()).isEqualTo(1);
    assertThat(impact.path("cancelBuyers").asLong()).isEqualTo(1);
    assertThat(impact.path("currency").asText()).isEqualTo("CNY");
    Map<String, JsonNode> byStatus = new HashMap<>();
    impact.path("byStatus").forEach(n -> byStatus.put(n.path("status").asText(), n));
    assertThat(byStatus).containsOnlyKeys("PAID", "PENDING_PAYMENT");
    assertThat(byStatus.get("PAID").path("orders").asLong()).isEqualTo(2);
    assertThat(byStatus.get("PAID").path("buyers").asLong()).isEqualTo(1);
    assertThat(byStatus.get("PAID").path("amount").decimalValue()).isEqualByComparingTo("180.00");
    assertThat(byStatus.get("PENDING_PAYMENT").path("amount").decimalValue()).isEqualByComparingTo("80.00");

    Response nothing = call("GET", "/api/admin/orders/showtimes/" + randomUser() + "/impact", 1L, "ADMIN", null,
        null);
    assertThat(nothing.status()).isEqualTo(200);
    assertThat(nothing.body().path("orders").asLong()).isZero();
    assertThat(nothing.body().path("refundAmount").decimalValue()).isEqualByComparingTo("0");
    assertThat(nothing.body().path("currency").isNull()).isTrue();
  }

  @Test
  void onlyAdminsSeeTheImpact() {
    ShowtimeSaleInfo show = onSaleWithInventory(2);
    Response customer = call("GET", "/api/admin/orders/showtimes/" + show.showtimeId() + "/impact", randomUser(),
        "CUSTOMER", null, null);
    assertThat(customer.status()).isEqualTo(403);
    assertThat(customer.body().path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(call("GET", "/api/admin/orders/showtimes/" + show.showtimeId() + "/impact", null, null, null, null)
        .status()).isEqualTo(401);
    assertThat(call("GET", "/api/admin/orders/showtimes/abc/impact", 1L, "ADMIN", null, null).status())
        .isEqualTo(400);
  }

  @Test
  void theOccupancyOfAProgramHasOneRowPerShowtimeWithOrders() throws Exception {
    ShowtimeSaleInfo early = onSaleWithInventory(10);
    ShowtimeSaleInfo plain = programs.onSale(4, early.startsAt().plus(Duration.ofDays(1)), early.cinemaId());
    // a later showtime of the same program
    ShowtimeSaleInfo late = new ShowtimeSaleInfo(plain.showtimeId(), early.programId(), plain.cinemaId(),
        plain.hallId(), early.programTitle(), plain.status(), plain.startsAt(), plain.currency(), plain.seats());
    programs.put(late);
    initInventory(late.showtimeId(), 4);
    ShowtimeSaleInfo unsold = new ShowtimeSaleInfo(randomUser(), early.programId(), plain.cinemaId(),
        plain.hallId(), early.programTitle(), plain.status(), plain.startsAt(), plain.currency(), plain.seats());
    programs.put(unsold);

    long buyer = randomUser();
    long paid = place(buyer, early, 1L, 2L);
    pay(buyer, paid, "130.00");
    place(randomUser(), late, 1L); // held

    Response r = call("GET", "/api/admin/reports/occupancy?programId=" + early.programId(), 1L, "ADMIN", null,
        null);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    assertThat(r.body().path("programId").asText()).isEqualTo(Long.toString(early.programId()));
    JsonNode rows = r.body().path("showtimes");
    assertThat(rows).as("the showtime without orders has no row").hasSize(2);
    assertThat(rows.get(0).path("showtimeId").asText()).isEqualTo(Long.toString(early.showtimeId()));
    assertThat(rows.get(0).path("capacity").asInt()).isEqualTo(10);
    assertThat(rows.get(0).path("sold").asLong()).isEqualTo(2);
    assertThat(rows.get(0).path("revenue").decimalValue()).isEqualByComparingTo("130.00");
    assertThat(rows.get(1).path("showtimeId").asText()).isEqualTo(Long.toString(late.showtimeId()));
    assertThat(rows.get(1).path("capacity").asInt()).isEqualTo(4);
    assertThat(rows.get(1).path("sold").asLong()).isZero();
    assertThat(rows.get(1).path("held").asLong()).isEqualTo(1);

    // the single-showtime form answers as before
    Response one = call("GET", "/api/admin/reports/occupancy?showtimeId=" + early.showtimeId(), 1L, "ADMIN", null,
        null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().path("sold").asLong()).isEqualTo(2);
    assertThat(one.body().has("showtimes")).isFalse();

    Response none = call("GET", "/api/admin/reports/occupancy?programId=" + randomUser(), 1L, "ADMIN", null, null);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body().path("showtimes")).isEmpty();
    for (String bad : new String[] {"", "?programId=1&showtimeId=2", "?programId=abc"}) {
      Response refused = call("GET", "/api/admin/reports/occupancy" + bad, 1L, "ADMIN", null, null);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.body().path("code").asText()).as(bad).isEqualTo("VALIDATION_FAILED");
    }
    assertThat(call("GET", "/api/admin/reports/occupancy?programId=" + early.programId(), 1L, "CUSTOMER", null,
        null).status()).isEqualTo(403);
  }
}
