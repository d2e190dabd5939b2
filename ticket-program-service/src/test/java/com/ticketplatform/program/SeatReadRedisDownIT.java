package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketplatform.program.inventory.SeatStatusReads;
import com.ticketplatform.program.support.IntegrationTestBase;
import com.ticketplatform.program.support.TcpProxy;
import io.lettuce.core.resource.ClientResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The seat map's live read (SeatStatusReads, its own Lettuce connection) loses Redis: its port refuses connections and
 * the open connection is cut, while the rest of the service keeps its Redis. Seat maps and availability answer 503 at
 * once with a Retry-After, never a guessed "all free" map and never a thread held for the command timeout, and they
 * come back by themselves when Redis does.
 */
@TestPropertySource(properties = {
    "ticket.mysql.schema-suffix=_test_seat_read_down",
    // far longer than the test lets a refused read take: a read must not wait for it
    "spring.data.redis.timeout=PT20S"})
class SeatReadRedisDownIT extends IntegrationTestBase {

  private static final TcpProxy REDIS = startProxy();

  private static TcpProxy startProxy() {
    try {
      // the Redis the service uses (ticket-platform.yml: REDIS_PORT, 6379 unless set)
      TcpProxy proxy = new TcpProxy(Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")));
      proxy.up();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void closeProxy() {
    REDIS.close();
  }

  @TestConfiguration
  static class SeatReadsBehindProxy {
    @Bean
    @Primary
    SeatStatusReads seatStatusReadsBehindProxy(DataRedisProperties properties, ClientResources resources) {
      DataRedisConnectionDetails proxied = new DataRedisConnectionDetails() {
        @Override
        public Standalone getStandalone() {
          return Standalone.of("127.0.0.1", REDIS.port());
        }
      };
      return new SeatStatusReads(proxied, properties, resources);
    }
  }

  @Test
  void aSeatMapWithoutItsRedisIs503AtOnceAndComesBackWithIt() throws IOException {
    long showtimeId = createShowtime(createProgram(unique("Blackout"), "DRAMA"),
        createHall(createCinema("Cutoff")), Instant.now().plus(Duration.ofDays(4)));
    putOnSale(showtimeId);
    String seats = "/api/showtimes/" + showtimeId + "/seats";
    String availability = "/api/showtimes/" + showtimeId + "/availability";
    ResponseEntity<JsonNode> before = get(seats);
    assertThat(before.getStatusCode().value()).isEqualTo(200);

    REDIS.down();
    try {
      long started = System.nanoTime();
      ResponseEntity<JsonNode> map = get(seats);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(map.getStatusCode().value()).isEqualTo(503);
      assertThat(map.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(map.getBody().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
      assertThat(map.getHeaders().getFirst("Retry-After")).isEqualTo("2");
      assertThat(map.getBody().get("retryAfterSeconds").asInt()).isEqualTo(2);
      assertThat(tookMillis).isLessThan(10_000);

      ResponseEntity<JsonNode> statuses = get(availability);
      assertThat(statuses.getStatusCode().value()).isEqualTo(503);
      assertThat(statuses.getBody().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    } finally {
      REDIS.up();
    }

    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
        .until(() -> get(seats).getStatusCode().value() == 200);
    assertThat(get(seats).getBody()).isEqualTo(before.getBody());
    assertThat(get(availability).getStatusCode().value()).isEqualTo(200);
  }
}
