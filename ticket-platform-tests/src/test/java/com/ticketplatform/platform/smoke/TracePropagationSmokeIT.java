package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One order placed through the gateway with a known W3C {@code traceparent}: the same trace id shows up in the log
 * lines of the gateway, the order service and the pay service (reached from the saga's OpenPayFlow step over Feign),
 * so a request can be followed across the platform by its trace id.
 */
class TracePropagationSmokeIT {

  private static final List<String> ALONG_THE_PATH =
      List.of("ticket-gateway", "ticket-order-service", "ticket-pay-service");

  @Test
  void theCallersTraceIdIsInTheLogsOfEveryServiceTheOrderPassesThrough() throws Exception {
    SecureRandom random = new SecureRandom();
    String traceId = HexFormat.of().formatHex(random.generateSeed(16));
    String parentSpanId = HexFormat.of().formatHex(random.generateSeed(8));

    PurchaseSteps.Customer buyer = PurchaseSteps.customer("traced");
    long showtimeId = PurchaseSteps.upcomingOnSaleShowtime();
    List<PurchaseSteps.Seat> free = PurchaseSteps.availableSeats(showtimeId);
    assertThat(free).isNotEmpty();
    PurchaseSteps.placeOrder(buyer, showtimeId, List.of(free.get(free.size() / 2).seatId()),
        Map.of("traceparent", "00-" + traceId + "-" + parentSpanId + "-01"));

    Map<String, Boolean> found = new LinkedHashMap<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    do {
      for (String service : ALONG_THE_PATH) {
        found.put(service, logOf(service).contains(traceId));
      }
      if (!found.containsValue(false)) {
        break;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    assertThat(found).as("trace %s in .ticket/logs/<service>.log", traceId)
        .containsOnly(Map.entry("ticket-gateway", true), Map.entry("ticket-order-service", true),
            Map.entry("ticket-pay-service", true));
  }

  private static String logOf(String service) throws Exception {
    Path log = LocalPlatform.repoRoot().resolve(".ticket/logs/" + service + ".log");
    assertThat(log).as("log of %s", service).exists();
    return Files.readString(log);
  }
}
