package com.ticketplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InternalTokenTest {

  static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  final InternalToken tokens = new InternalToken("q8Vd2-LmN4x-7Rt0p", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aTokenVouchesForItsCallerUserRolesAndClient() {
    String token = tokens.sign("ticket-gateway", "42", "ADMIN,CUSTOMER", "203.0.113.7");
    assertThat(tokens.verify(token)).contains(
        new InternalToken.Claims("ticket-gateway", "42", "ADMIN,CUSTOMER", "203.0.113.7"));
    assertThat(tokens.verify(tokens.sign("ticket-order-service", null, null, null))).contains(
        new InternalToken.Claims("ticket-order-service", "", "", ""));
  }

  @Test
  void aChangedPartAnotherSecretOrAnExpiredTokenIsRefused() {
    String token = tokens.sign("ticket-gateway", "42", "CUSTOMER", "203.0.113.7");
    assertThat(tokens.verify(token.replace(".42.", ".43."))).isEmpty();
    assertThat(tokens.verify(token.replace(".CUSTOMER.", ".ADMIN."))).isEmpty();
    assertThat(new InternalToken("another-secret-entirely", Clock.fixed(NOW, ZoneOffset.UTC)).verify(token)).isEmpty();
    InternalToken later = new InternalToken("q8Vd2-LmN4x-7Rt0p",
        Clock.fixed(NOW.plus(InternalToken.LIFETIME).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
    assertThat(later.verify(token)).isEmpty();
    assertThat(tokens.verify("v1.garbage")).isEmpty();
    assertThat(tokens.verify(null)).isEmpty();
  }
}
