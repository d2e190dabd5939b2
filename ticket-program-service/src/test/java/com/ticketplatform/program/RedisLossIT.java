package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.program.cache.IdBloomFilters;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis holds the id Bloom filters in front of the catalogue. Losing them (FLUSHALL, a restart without persistence) or
 * getting them back from an older snapshot must never turn existing programs and showtimes into 404s: the order
 * service's inventory rebuild asks for a showtime's sale info right after such a loss.
 */
class RedisLossIT extends IntegrationTestBase {

  @Autowired StringRedisTemplate redis;
  @Autowired IdBloomFilters blooms;

  private List<String> bloomKeys() {
    String prefix = "test:program:" + RUN + ":bloom:";
    return List.of(prefix + "program", "{" + prefix + "program}:config", prefix + "showtime",
        "{" + prefix + "showtime}:config", prefix + "complete");
  }

  private long showtimeOnSale() {
    long hall = createHall(createCinema("Lossville"));
    long program = createProgram(unique("Lost and Found"), "DRAMA");
    long showtime = createShowtime(program, hall, Instant.now().plus(Duration.ofDays(3)));
    putOnSale(showtime);
    return showtime;
  }

  @Test
  void aFlushedRedisDoesNotTurnExistingShowtimesInto404() {
    long showtime = showtimeOnSale();
    long program = get("/internal/showtimes/" + showtime + "/sale-info").getBody().get("programId").asLong();
    assertThat(get("/internal/showtimes/" + showtime + "/sale-info").getStatusCode().value()).isEqualTo(200);

    redis.delete(bloomKeys()); // what FLUSHALL does to them

    assertThat(get("/internal/showtimes/" + showtime + "/sale-info").getStatusCode().value()).isEqualTo(200);
    assertThat(get("/api/programs/" + program).getStatusCode().value()).isEqualTo(200);
    // and a create right after the loss still succeeds; the check puts the filters back
    long next = showtimeOnSale();
    blooms.check();
    assertThat(redis.hasKey(bloomKeys().get(3))).isTrue();
    assertThat(get("/internal/showtimes/" + next + "/sale-info").getStatusCode().value()).isEqualTo(200);
    assertThat(get("/internal/showtimes/" + (next + 7_777_777L) + "/sale-info").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void filtersRewoundToBeforeAShowtimeExistedAreRepairedByTheCheck() {
    showtimeOnSale();
    blooms.check();
    Map<String, byte[]> snapshot = new HashMap<>();
    bloomKeys().forEach(k -> {
      byte[] value = redis.dump(k);
      if (value != null) {
        snapshot.put(k, value);
      }
    });

    long created = showtimeOnSale();
    // Redis restored from the snapshot taken before that showtime existed
    snapshot.forEach((k, v) -> redis.restore(k, v, 0, TimeUnit.MILLISECONDS, true));

    blooms.check();
    assertThat(get("/internal/showtimes/" + created + "/sale-info").getStatusCode().value()).isEqualTo(200);
  }
}
