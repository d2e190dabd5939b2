package com.ticketplatform.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7240: {@code respond-async} among other preferences, with parameters, in any case; nothing else asks it. */
class PreferHeaderTest {

  @Test
  void respondAsyncIsFoundAmongOtherPreferences() {
    assertThat(OrderController.respondAsync("respond-async")).isTrue();
    assertThat(OrderController.respondAsync("return=minimal, Respond-Async; foo=bar")).isTrue();
    assertThat(OrderController.respondAsync("wait=10,respond-async")).isTrue();
  }

  @Test
  void anythingElseIsADirectOrder() {
    assertThat(OrderController.respondAsync(null)).isFalse();
    assertThat(OrderController.respondAsync("")).isFalse();
    assertThat(OrderController.respondAsync("return=representation")).isFalse();
    assertThat(OrderController.respondAsync("respond-asynchronously")).isFalse();
  }
}
