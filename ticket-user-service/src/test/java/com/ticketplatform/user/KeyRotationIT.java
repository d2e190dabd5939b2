package com.ticketplatform.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.ticketplatform.common.test.MutableClock;
import com.ticketplatform.starter.keys.KeyRing;
import com.ticketplatform.user.auth.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Token signing keys rotate under traffic: the service rotates every 3 s, publishing each key 1.5 s before it signs,
 * while clients log in without pause and every token is checked the way the gateway checks it (Spring Security's
 * decoder, which caches the JWK Set and fetches it again for an unknown key). Nothing a client holds stops working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ticket.keys.signing.rotate-every=3s",
    "ticket.keys.signing.publish-lead=1500ms",
    "ticket.keys.check-every=200ms",
    "ticket.auth.access-token-ttl=30s"})
@ActiveProfiles("test")
@DirtiesContext
class KeyRotationIT {

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  MutableClock clock;

  @Autowired
  DataSource dataSource;

  @Autowired
  @Qualifier("signingKeyRing")
  KeyRing signingKeys;

  /**
   * The test moves its clock minutes ahead, so the keys it makes at the end are dated in the real future; left in the
   * shared test schema they would hold back rotation in the next run (and in every other test context) until then.
   */
  @BeforeEach
  void startFromKeysOfThePresent() {
    forgetKeysFromTheFuture();
    signingKeys.maintain();
  }

  @AfterEach
  void leaveNoKeysFromTheFuture() {
    clock.reset();
    forgetKeysFromTheFuture();
  }

  private void forgetKeysFromTheFuture() {
    new JdbcTemplate(dataSource).update("DELETE FROM t_key WHERE purpose = ? AND active_from > ?",
        SigningKeys.PURPOSE, LocalDateTime.now(ZoneOffset.UTC));
  }

  @Test
  void tokensKeepVerifyingWhileTheSigningKeyRotates() throws Exception {
    Http http = new Http("http://127.0.0.1:" + port);
    String jwks = "http://127.0.0.1:" + port + "/api/users/.well-known/jwks.json";
    String email = UserServiceIT.uniqueEmail();
    assertThat(http.post("/api/users/register",
        Map.of("loginName", email, "password", "secret123", "displayName", "Rotating")).send().status())
        .isEqualTo(201);

    Map<String, Instant> firstPublished = new ConcurrentHashMap<>();
    Map<String, Instant> firstUsed = new ConcurrentHashMap<>();
    List<String> failures = new CopyOnWriteArrayList<>();
    List<String> tokens = new CopyOnWriteArrayList<>();
    JwtDecoder gatewayLike = NimbusJwtDecoder.withJwkSetUri(jwks).build();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> watcher = pool.submit(() -> {
        while (System.nanoTime() < end) {
          Instant seen = Instant.now();
          for (JsonNode key : http.get("/api/users/.well-known/jwks.json").send().json().path("keys")) {
            firstPublished.putIfAbsent(key.path("kid").asText(), seen);
          }
          pause(50);
        }
        return null;
      });
      pause(200);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        clients.add(pool.submit(() -> {
          String address = UserServiceIT.uniqueAddress();
          while (System.nanoTime() < end) {
            Http.Reply login = http.post("/api/users/login", Map.of("loginName", email, "password", "secret123"))
                .header("X-Forwarded-For", address).send();
            if (login.status() != 200) {
              failures.add("login " + login);
              continue;
            }
            String token = login.json().path("accessToken").asText();
            firstUsed.putIfAbsent(SignedJWT.parse(token).getHeader().getKeyID(), Instant.now());
            tokens.add(token);
            verify(gatewayLike, token, failures);
            // a token from earlier, perhaps signed by a key that has been replaced since, still verifies
            verify(gatewayLike, tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())), failures);
            pause(20);
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get(60, TimeUnit.SECONDS);
      }
      watcher.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(failures).isEmpty();
    assertThat(firstUsed.keySet()).as("keys that signed tokens during the run").hasSizeGreaterThanOrEqualTo(3);
    for (Map.Entry<String, Instant> used : firstUsed.entrySet()) {
      assertThat(firstPublished).containsKey(used.getKey());
      assertThat(firstPublished.get(used.getKey())).as("key %s published before it signed", used.getKey())
          .isBefore(used.getValue());
    }
    // every token of the run is still good with a fresh JWK Set (as a restarted gateway would fetch it)
    JwtDecoder restarted = NimbusJwtDecoder.withJwkSetUri(jwks).build();
    for (String token : tokens) {
      verify(restarted, token, failures);
    }
    assertThat(failures).isEmpty();

    // once the replaced keys' tokens have all expired (plus a minute of clock skew), they are no longer published.
    // The last key that signed is replaced only when its successor exists: move on until one is published, then far
    // enough for the successor to have been active longer than a token lives.
    Set<String> usedKeys = Set.copyOf(firstUsed.keySet());
    clock.advance(Duration.ofMinutes(2));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (usedKeys.containsAll(publishedKids(http)) && System.nanoTime() < deadline) {
      pause(100);
    }
    assertThat(publishedKids(http)).as("a successor is published").isNotEmpty()
        .anyMatch(kid -> !usedKeys.contains(kid));
    clock.advance(Duration.ofMinutes(2));
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> published = publishedKids(http);
    while (published.stream().anyMatch(usedKeys::contains) && System.nanoTime() < deadline) {
      pause(100);
      published = publishedKids(http);
    }
    assertThat(published).as("retired keys leave the JWK Set").doesNotContainAnyElementsOf(usedKeys).isNotEmpty();
  }

  private static List<String> publishedKids(Http http) {
    List<String> kids = new ArrayList<>();
    for (JsonNode key : http.get("/api/users/.well-known/jwks.json").send().json().path("keys")) {
      kids.add(key.path("kid").asText());
    }
    return kids;
  }

  private static void verify(JwtDecoder decoder, String token, List<String> failures) {
    try {
      decoder.decode(token);
    } catch (RuntimeException e) {
      failures.add(e.getMessage());
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
