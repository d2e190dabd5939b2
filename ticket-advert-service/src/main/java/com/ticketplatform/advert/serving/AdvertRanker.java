package com.ticketplatform.advert.serving;

import com.ticketplatform.advert.advert.AdvertView;
import com.ticketplatform.advert.interest.Signals;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders the adverts of a placement for one caller: first by how well an advert matches the caller's purchase history
 * (the sum of the caller's interest counters over the advert's categories and cinemas), then priority, then weight
 * (both higher first), then the newer advert. An anonymous caller has no interests, so the order is the generic one.
 */
public final class AdvertRanker {

  private AdvertRanker() {}

  /** Interest counters of a caller keyed like the signals ({@code CATEGORY:ACTION}, {@code CINEMA:12}). */
  public static List<AdvertView> rank(List<AdvertView> adverts, Map<String, Integer> interests) {
    Comparator<AdvertView> order = Comparator
        .comparingLong((AdvertView a) -> matchScore(a, interests)).reversed()
        .thenComparing(Comparator.comparingInt(AdvertView::priority).reversed())
        .thenComparing(Comparator.comparingInt(AdvertView::weight).reversed())
        .thenComparing(Comparator.comparingLong(AdvertView::id).reversed());
    return adverts.stream().sorted(order).toList();
  }

  static long matchScore(AdvertView advert, Map<String, Integer> interests) {
    if (interests.isEmpty()) {
      return 0;
    }
    long score = 0;
    for (String category : advert.categories()) {
      score += interests.getOrDefault(Signals.category(category), 0);
    }
    for (Long cinemaId : advert.cinemaIds()) {
      score += interests.getOrDefault(Signals.cinema(cinemaId), 0);
    }
    return score;
  }
}
