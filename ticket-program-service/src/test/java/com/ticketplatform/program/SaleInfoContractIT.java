package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.program.support.IntegrationTestBase;
import feign.FeignException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FeignClientBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The order service's view of us: the real Feign contract against the running provider, so the two cannot drift. */
class SaleInfoContractIT extends IntegrationTestBase {

  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  private ProgramClient client() {
    FeignClient contract = ProgramClient.class.getAnnotation(FeignClient.class);
    return new FeignClientBuilder(context).forType(ProgramClient.class, contract.name())
        .url("http://127.0.0.1:" + port)
        .path(contract.path())
        .build();
  }

  @Test
  void saleInfoCarriesEverySeatWithItsPriceAndTheLiveStatus() {
    long cinemaId = createCinema("Shanghai");
    long hallId = createHall(cinemaId);
    long programId = createProgram(unique("Contract Film"), "ANIMATION");
    Instant startsAt = inDays(11);
    long showtimeId = createShowtime(programId, hallId, startsAt);

    ShowtimeSaleInfo scheduled = client().saleInfo(showtimeId);
    assertThat(scheduled.status()).isEqualTo("SCHEDULED");

    putOnSale(showtimeId);
    ShowtimeSaleInfo info = client().saleInfo(showtimeId);
    assertThat(info.showtimeId()).isEqualTo(showtimeId);
    assertThat(info.programId()).isEqualTo(programId);
    assertThat(info.cinemaId()).isEqualTo(cinemaId);
    assertThat(info.hallId()).isEqualTo(hallId);
    assertThat(info.programTitle()).startsWith("Contract Film");
    assertThat(info.status()).isEqualTo("ON_SALE");
    assertThat(info.startsAt()).isEqualTo(startsAt);
    assertThat(info.currency()).isEqualTo("CNY");
    assertThat(info.seats()).hasSize(15);
    ShowtimeSaleInfo.SeatPrice vip = info.seats().stream().filter(s -> s.label().equals("B2")).findFirst()
        .orElseThrow();
    assertThat(vip.tier()).isEqualTo("A");
    assertThat(vip.price()).isEqualByComparingTo("88.00");
    assertThat(info.seats()).filteredOn(s -> s.label().startsWith("D"))
        .allMatch(s -> s.tier().equals("C") && s.price().compareTo(new java.math.BigDecimal("48.00")) == 0);

    // one purchase asks for its seats only; a seat of another hall is simply not there
    long b2 = vip.seatId();
    long d1 = info.seats().stream().filter(s -> s.label().equals("D1")).findFirst().orElseThrow().seatId();
    ShowtimeSaleInfo some = client().saleInfo(showtimeId, List.of(b2, d1, 987_654_321L));
    assertThat(some.status()).isEqualTo("ON_SALE");
    assertThat(some.seats()).extracting(ShowtimeSaleInfo.SeatPrice::label).containsExactlyInAnyOrder("B2", "D1");
    assertThat(some.seats()).filteredOn(s -> s.seatId() == b2).singleElement()
        .satisfies(s -> assertThat(s.price()).isEqualByComparingTo("88.00"));

    // a cancellation shows at once, whatever is cached
    adminPost("/api/admin/showtimes/" + showtimeId + "/cancel", null);
    assertThat(client().saleInfo(showtimeId).status()).isEqualTo("CANCELLED");
  }

  @Test
  void aRealNameShowtimeCarriesItsPerIdCapToBuyersAndToTheOrderService() {
    long hallId = createHall(createCinema("Hangzhou"));
    long programId = createProgram(unique("Live Concert"), "CONCERT");
    Map<String, Object> body = new java.util.HashMap<>(showtimeBody(programId, hallId, inDays(12)));
    body.put("realNameCap", 11);
    assertThat(adminPost("/api/admin/showtimes", body).getStatusCode().value()).as("above the maximum")
        .isEqualTo(400);
    body.put("realNameCap", 2);
    ResponseEntity<JsonNode> created = adminPost("/api/admin/showtimes", body);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    assertThat(created.getBody().get("realNameCap").asInt()).isEqualTo(2);
    long showtimeId = created.getBody().get("showtimeId").asLong();
    putOnSale(showtimeId);

    assertThat(client().saleInfo(showtimeId).realNameCap()).isEqualTo(2);
    assertThat(get("/api/showtimes/" + showtimeId + "/seats").getBody().get("realNameCap").asInt()).isEqualTo(2);
    // an unnamed showtime says 0
    long plain = createShowtime(programId, hallId, inDays(13));
    assertThat(client().saleInfo(plain).realNameCap()).isZero();
  }

  @Test
  void anUnknownShowtimeIs404() {
    assertThatThrownBy(() -> client().saleInfo(31_337L))
        .isInstanceOf(FeignException.NotFound.class);
  }
}