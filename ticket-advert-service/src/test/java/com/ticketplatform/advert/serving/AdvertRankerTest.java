package com.ticketplatform.advert.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.advert.advert.AdvertView;
import com.ticketplatform.advert.interest.Signals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvertRankerTest {

  private final AdvertView action = advert(1, 1, 10, List.of("ACTION"), List.of());
  private final AdvertView comedy = advert(2, 50, 10, List.of("COMEDY"), List.of());
  private final AdvertView generic = advert(3, 100, 10, List.of(), List.of());
  private final AdvertView genericHeavier = advert(4, 100, 90, List.of(), List.of());
  private final AdvertView cinema = advert(5, 0, 1, List.of(), List.of(77L));

  @Test
  void anonymousOrderIsPriorityThenWeight() {
    assertThat(AdvertRanker.rank(List.of(action, comedy, generic, genericHeavier, cinema), Map.of()))
        .containsExactly(genericHeavier, generic, comedy, action, cinema);
  }

  @Test
  void interestMatchComesBeforePriority() {
    Map<String, Integer> actionFan = Map.of(Signals.category("action"), 2, Signals.category("COMEDY"), 1);
    assertThat(AdvertRanker.rank(List.of(generic, comedy, action), actionFan))
        .containsExactly(action, comedy, generic);
  }

  @Test
  void aCinemaTheCallerBuysAtCountsAsInterest() {
    assertThat(AdvertRanker.rank(List.of(generic, cinema), Map.of(Signals.cinema(77), 1)))
        .containsExactly(cinema, generic);
  }

  private static AdvertView advert(long id, int priority, int weight, List<String> categories, List<Long> cinemas) {
    return new AdvertView(id, "t" + id, "https://img", "https://link", "HOME_BANNER", Instant.EPOCH,
        Instant.EPOCH.plusSeconds(60), priority, weight, categories, cinemas, null, "ACTIVE", 0);
  }
}
