package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admin reports over real orders placed, paid, refunded and cancelled through the API. The clock is moved to a day of
 * its own far ahead, so the shared test shards' older orders never fall into the reported period.
 */
class ReportsIT extends OrderServiceITBase {

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private Response report(String pathAndQuery, String roles) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(30)).header("X-User-Id", "1");
    if (roles != null) {
      request.header("X-User-Roles", roles);
    }
    HttpResponse<String> r = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), json.readTree(r.body()));
  }

  private Response admin(String pathAndQuery) throws Exception {
    Response r = report(pathAndQuery, "CUSTOMER,ADMIN");
    assertThat(r.status()).as(pathAndQuery + " " + r.body()).isEqualTo(200);
    return r;
  }

  private void pay(long user, long orderNo, String amount) throws Exception {
    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal(amount), "CNY",
        clock.instant()), orderNo);
    await("order " + orderNo + " paid", () -> "PAID".equals(status(user, orderNo)));
  }

  private static JsonNode row(JsonNode report, String key) {
    for (JsonNode row : report.path("rows")) {
      if (row.path("key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + report);
  }

  @Test
  void salesOccupancyAndConversionAddUpTheOrdersOfThePeriod() throws Exception {
    clock.advance(Duration.ofDays(ThreadLocalRandom.current().nextInt(3_000, 40_000)));
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String period = "from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
    ShowtimeSaleInfo first = programs.onSale(10, clock.instant().plus(Duration.ofDays(2)), 4_001);
    ShowtimeSaleInfo second = programs.onSale(10, clock.instant().plus(Duration.ofDays(3)), 4_002);
    initInventory(first.showtimeId(), 10);
    initInventory(second.showtimeId(), 10);

    // odd seats cost 50.00, even ones 80.00
    long buyer = randomUser();
    long paid = place(buyer, first, 1L, 2L);
    pay(buyer, paid, "130.00");
    long refunder = randomUser();
    long refunded = place(refunder, first, 3L);
    pay(refunder, refunded, "50.00");
    assertThat(call("POST", "/api/orders/" + refunded + "/refund", refunder, null, null).status()).isEqualTo(200);
    publishPayment(new PaymentEvents.PaymentRefunded(refunded, "pay-" + refunded, "r-" + refunded,
        new BigDecimal("50.00"), "CNY"), refunded);
    await("order refunded", () -> "REFUNDED".equals(status(refunder, refunded)));
    long canceller = randomUser();
    long cancelled = place(canceller, first, 4L);
    assertThat(call("POST", "/api/orders/" + cancelled + "/cancel", canceller, null, null).status()).isEqualTo(200);
    place(randomUser(), first, 5L); // left unpaid: its seat stays held
    long other = randomUser();
    long elsewhere = place(other, second, 1L);
    pay(other, elsewhere, "50.00");

    JsonNode byFilm = admin("/api/admin/reports/sales?groupBy=film&" + period).body();
    assertThat(byFilm.path("rows")).hasSize(2);
    JsonNode film = row(byFilm, Long.toString(first.programId()));
    assertThat(film.path("label").asText()).isEqualTo(first.programTitle());
    assertThat(film.path("orders").asLong()).isEqualTo(2);
    assertThat(film.path("tickets").asLong()).isEqualTo(2);
    assertThat(film.path("gross").decimalValue()).isEqualByComparingTo("180.00");
    assertThat(film.path("refunded").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(film.path("net").decimalValue()).isEqualByComparingTo("130.00");
    assertThat(film.path("currency").asText()).isEqualTo("CNY");
    assertThat(row(byFilm, Long.toString(second.programId())).path("net").decimalValue())
        .isEqualByComparingTo("50.00");
    // best-selling first
    assertThat(byFilm.path("rows").get(0).path("key").asText()).isEqualTo(Long.toString(first.programId()));

    JsonNode byCinema = admin("/api/admin/reports/sales?groupBy=cinema&" + period).body();
    assertThat(row(byCinema, "4001").path("tickets").asLong()).isEqualTo(2);
    assertThat(row(byCinema, "4002").path("gross").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(row(byCinema, "4002").path("label").isNull()).isTrue();

    JsonNode byDay = admin("/api/admin/reports/sales?groupBy=day&" + period).body();
    long orders = 0;
    long tickets = 0;
    BigDecimal net = BigDecimal.ZERO;
    for (JsonNode r : byDay.path("rows")) {
      LocalDate d = LocalDate.parse(r.path("key").asText());
      assertThat(d).isBetween(day.minusDays(1), day.plusDays(1));
      orders += r.path("orders").asLong();
      tickets += r.path("tickets").asLong();
      net = net.add(r.path("net").decimalValue());
    }
    assertThat(orders).isEqualTo(3);
    assertThat(tickets).isEqualTo(3);
    assertThat(net).isEqualByComparingTo("180.00");

    JsonNode occupancy = admin("/api/admin/reports/occupancy?showtimeId=" + first.showtimeId()).body();
    assertThat(occupancy.path("capacity").asInt()).isEqualTo(10);
    assertThat(occupancy.path("sold").asLong()).isEqualTo(2);
    assertThat(occupancy.path("held").asLong()).isEqualTo(1);
    assertThat(occupancy.path("available").asLong()).isEqualTo(7);
    assertThat(occupancy.path("occupancy").decimalValue()).isEqualByComparingTo("0.2");
    assertThat(occupancy.path("revenue").decimalValue()).isEqualByComparingTo("130.00");

    JsonNode conversion = admin("/api/admin/reports/conversion?" + period).body();
    assertThat(conversion.path("holds").asLong()).isEqualTo(5);
    assertThat(conversion.path("paid").asLong()).isEqualTo(3);
    assertThat(conversion.path("refunded").asLong()).isEqualTo(1);
    assertThat(conversion.path("cancelled").asLong()).isEqualTo(1);
    assertThat(conversion.path("pending").asLong()).isEqualTo(1);
    assertThat(conversion.path("conversion").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(conversion.path("settledConversion").decimalValue()).isEqualByComparingTo("0.75");
    long byReason = 0;
    for (JsonNode n : conversion.path("cancelledByReason")) {
      byReason += n.asLong();
    }
    assertThat(byReason).isEqualTo(1);

    // a period with nothing in it is an empty report, not an error
    String empty = "from=" + day.plusDays(5) + "&to=" + day.plusDays(6);
    assertThat(admin("/api/admin/reports/sales?groupBy=day&" + empty).body().path("rows")).isEmpty();
    assertThat(admin("/api/admin/reports/conversion?" + empty).body().path("conversion").decimalValue())
        .isEqualByComparingTo("0");
  }

  @Test
  void badPeriodsAndGroupingsAre400AndCustomersAre403() throws Exception {
    for (String bad : new String[] {
        "/api/admin/reports/sales?groupBy=film&from=2026-13-01&to=2026-12-31",
        "/api/admin/reports/sales?groupBy=film&from=2026-12-02&to=2026-12-01",
        "/api/admin/reports/sales?groupBy=week&from=2026-12-01&to=2026-12-02",
        "/api/admin/reports/sales?from=2026-12-01&to=2026-12-02",
        "/api/admin/reports/sales?groupBy=day&from=2024-01-01&to=2026-01-01",
        "/api/admin/reports/conversion?from=yesterday&to=2026-12-02",
        "/api/admin/reports/conversion?to=2026-12-02",
        "/api/admin/reports/occupancy?showtimeId=abc"}) {
      Response r = report(bad, "ADMIN");
      assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
      assertThat(r.body().path("code").asText()).as(bad).isEqualTo("VALIDATION_FAILED");
    }
    Response customer = report("/api/admin/reports/sales?groupBy=film&from=2026-12-01&to=2026-12-02", "CUSTOMER");
    assertThat(customer.status()).isEqualTo(403);
    assertThat(customer.body().path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(report("/api/admin/reports/conversion?from=2026-12-01&to=2026-12-02", null).status())
        .isEqualTo(403);
    Response unknown = report("/api/admin/reports/occupancy?showtimeId=999", "ADMIN");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("code").asText()).isEqualTo("SHOWTIME_NOT_FOUND");
  }
}
