package com.ticketplatform.advert.advert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvertRulesTest {

  private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void acceptsAWellFormedAdvert() {
    AdvertRules.check(request("HOME_BANNER", T, T.plusSeconds(1), "https://cdn.example/a.png", "http://x.example"));
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    assertThatThrownBy(() -> AdvertRules.check(request("SIDEBAR", T, T, "ftp://cdn.example/a.png",
        "javascript:alert(1)")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status().value()).isEqualTo(400);
          @SuppressWarnings("unchecked")
          Map<String, String> errors = (Map<String, String>) e.properties().get("errors");
          assertThat(errors).containsOnlyKeys("placement", "endsAt", "imageUrl", "linkUrl");
        });
  }

  @Test
  void urlsMustBeAbsoluteWebUrls() {
    assertThat(AdvertRules.isWebUrl("HTTPS://example.com/x?y=1")).isTrue();
    assertThat(AdvertRules.isWebUrl("/relative")).isFalse();
    assertThat(AdvertRules.isWebUrl("https:///nohost")).isFalse();
    assertThat(AdvertRules.isWebUrl("http://exa mple.com")).isFalse();
  }

  private static AdvertRequest request(String placement, Instant from, Instant to, String image, String link) {
    return new AdvertRequest("Title", image, link, placement, from, to, 1, 10, List.of("ACTION"), List.of(), null);
  }
}
