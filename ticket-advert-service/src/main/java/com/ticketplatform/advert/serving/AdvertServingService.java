package com.ticketplatform.advert.serving;

import com.ticketplatform.advert.advert.AdvertMapper;
import com.ticketplatform.advert.advert.AdvertView;
import com.ticketplatform.advert.advert.Placement;
import com.ticketplatform.advert.interest.InterestMapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Serves a placement: adverts whose window contains now (injected Clock), ranked for the caller, with adverts already
 * shown {@code dailyCap} times today to this caller left out (anonymous callers are not capped: there is nobody to
 * count for).
 */
@Service
public class AdvertServingService {

  private final AdvertMapper adverts;
  private final InterestMapper interests;
  private final FrequencyCap frequencyCap;
  private final Clock clock;
  private final int defaultDailyCap;
  private final int maxServed;

  public AdvertServingService(AdvertMapper adverts, InterestMapper interests, FrequencyCap frequencyCap, Clock clock,
      @Value("${ticket.advert.default-daily-cap:3}") int defaultDailyCap,
      @Value("${ticket.advert.max-served:10}") int maxServed) {
    this.adverts = adverts;
    this.interests = interests;
    this.frequencyCap = frequencyCap;
    this.clock = clock;
    this.defaultDailyCap = defaultDailyCap;
    this.maxServed = maxServed;
  }

  public List<AdvertView> serve(String rawPlacement, Long userId) {
    Placement placement = Placement.parse(rawPlacement).orElseThrow(() -> ApiException.badRequest(
        ErrorCodes.VALIDATION_FAILED, "placement must be one of HOME_BANNER, PROGRAM_DETAIL, CHECKOUT"));
    List<AdvertView> active = adverts.activeAt(placement.name(), LocalDateTime.now(clock)).stream()
        .map(AdvertView::of).toList();
    if (userId == null) {
      return AdvertRanker.rank(active, Map.of()).stream().limit(maxServed).toList();
    }
    Map<String, Integer> counters = new HashMap<>();
    for (InterestMapper.Interest interest : interests.interestsOf(userId)) {
      counters.put(interest.signalKey, interest.hits);
    }
    Map<Long, Long> shown = frequencyCap.shownToday(userId);
    List<AdvertView> served = AdvertRanker.rank(active, counters).stream()
        .filter(a -> shown.getOrDefault(a.id(), 0L) < (a.dailyCap() == null ? defaultDailyCap : a.dailyCap()))
        .limit(maxServed)
        .toList();
    frequencyCap.recordShown(userId, served.stream().map(AdvertView::id).toList());
    return served;
  }
}
