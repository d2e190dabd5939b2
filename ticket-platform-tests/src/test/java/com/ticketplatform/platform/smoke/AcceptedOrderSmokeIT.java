package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An order asked with {@code Prefer: respond-async} through the gateway (docs/ARCHITECTURE.md §2 "Accepted orders"):
 * 202 with the order number, then placed by the order service's consumer; its buyer follows it on the server-sent
 * events stream, which passes the gateway unbuffered and ends with the placed order.
 */
class AcceptedOrderSmokeIT {

  @Test
  void anOrderAcceptedThroughTheGatewayIsPlacedAndItsEventStreamSaysSo() throws Exception {
    PurchaseSteps.Customer buyer = PurchaseSteps.customer("accepted");
    long showtimeId = PurchaseSteps.upcomingOnSaleShowtime();
    List<PurchaseSteps.Seat> free = PurchaseSteps.availableSeats(showtimeId);
    assertThat(free).isNotEmpty();
    long seat = free.get(free.size() / 3).seatId();

    HttpResponse<String> accepted = PurchaseSteps.send(buyer, "POST", "/api/orders",
        PurchaseSteps.order(showtimeId, List.of(seat)), UUID.randomUUID().toString(),
        Map.of("Prefer", "respond-async"));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Preference-Applied")).hasValue("respond-async");
    JsonNode intent = LocalPlatform.JSON.readTree(accepted.body());
    String orderNo = intent.path("orderNo").asText();
    assertThat(intent.path("status").asText()).isEqualTo("PENDING");
    assertThat(PurchaseSteps.statusOf(showtimeId, List.of(seat))).containsExactly("LOCKED");

    HttpRequest events = HttpRequest.newBuilder(URI.create(LocalPlatform.gatewayUrl() + "/api/orders/" + orderNo
            + "/events"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + buyer.token())
        .header("Accept", "text/event-stream")
        .GET().build();
    HttpResponse<InputStream> stream = PurchaseSteps.HTTP.send(events, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    List<String> statuses = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data:")) {
          statuses.add(LocalPlatform.JSON.readTree(line.substring(5)).path("status").asText());
        }
      }
    }
    assertThat(statuses).as("events of order %s", orderNo).isNotEmpty().last().isEqualTo("PENDING_PAYMENT");
    assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly("PENDING");
    assertThat(PurchaseSteps.awaitOrderStatus(buyer, orderNo, "PENDING_PAYMENT", Duration.ofSeconds(10)))
        .isEqualTo("PENDING_PAYMENT");
  }
}
