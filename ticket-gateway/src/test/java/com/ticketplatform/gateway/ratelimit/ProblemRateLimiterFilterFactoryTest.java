package com.ticketplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ProblemRateLimiterFilterFactoryTest {

  @Test
  void retryAfterIsTheTimeToRefillOneRequestAndAtLeastOneSecond() {
    assertThat(ProblemRateLimiterFilterFactory.retryAfterSeconds(headers("10", "1"))).isEqualTo(1);
    assertThat(ProblemRateLimiterFilterFactory.retryAfterSeconds(headers("1", "3"))).isEqualTo(3);
    assertThat(ProblemRateLimiterFilterFactory.retryAfterSeconds(headers("2", "3"))).isEqualTo(2);
    assertThat(ProblemRateLimiterFilterFactory.retryAfterSeconds(new HttpHeaders())).isEqualTo(1);
    assertThat(ProblemRateLimiterFilterFactory.retryAfterSeconds(headers("junk", "1"))).isEqualTo(1);
  }

  private static HttpHeaders headers(String replenish, String requested) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-RateLimit-Replenish-Rate", replenish);
    headers.set("X-RateLimit-Requested-Tokens", requested);
    return headers;
  }
}
