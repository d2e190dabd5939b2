package com.ticketplatform.advert.advert;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** An advert as the admin API and the serving API show it. */
public record AdvertView(long id, String title, String imageUrl, String linkUrl, String placement, Instant startsAt,
    Instant endsAt, int priority, int weight, List<String> categories, List<Long> cinemaIds,
    @Schema(nullable = true) Integer dailyCap,
    String status, int version) {

  public static AdvertView of(AdvertRow row) {
    return new AdvertView(row.id, row.title, row.imageUrl, row.linkUrl, row.placement,
        row.startsAt.toInstant(ZoneOffset.UTC), row.endsAt.toInstant(ZoneOffset.UTC), row.priority, row.weight,
        split(row.categories), split(row.cinemaIds).stream().map(Long::valueOf).toList(), row.dailyCap, row.status,
        row.version == null ? 0 : row.version);
  }

  static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
  }
}
