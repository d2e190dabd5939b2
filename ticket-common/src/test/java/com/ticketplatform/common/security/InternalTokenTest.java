package com.ticketplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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

  @Test
  void threadsSigningAndVerifyingAtOnceNeverMixUpTheirMacs() throws Exception {
    // every call works on a copy of the MAC: a shared one would interleave two bodies' bytes and break tokens
    String expected = tokens.sign("ticket-gateway", "7", "CUSTOMER", "198.51.100.9");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = IntStream.range(0, 64).mapToObj(i -> pool.submit(() -> {
        for (int n = 0; n < 2_000; n++) {
          String user = Integer.toString(i * 10_000 + n);
          String token = tokens.sign("ticket-gateway", user, "CUSTOMER", "198.51.100.9");
          if (!tokens.verify(token).map(c -> c.userId().equals(user)).orElse(false)
              || !tokens.sign("ticket-gateway", "7", "CUSTOMER", "198.51.100.9").equals(expected)) {
            return false;
          }
        }
        return true;
      })).toList();
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
