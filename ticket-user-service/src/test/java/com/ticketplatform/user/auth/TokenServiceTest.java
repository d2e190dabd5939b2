package com.ticketplatform.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void issuesRs256TokensWithTheAgreedClaims() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    TokenService tokens = new TokenService(only(key), "ticket-platform", Duration.ofMinutes(15),
        Clock.fixed(NOW, ZoneOffset.UTC));

    AccessToken issued = tokens.issue(42L, List.of("ADMIN", "CUSTOMER"));

    SignedJWT jwt = SignedJWT.parse(issued.value());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
    assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("ticket-platform");
    assertThat(claims.getSubject()).isEqualTo("42");
    assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN", "CUSTOMER");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(claims.getJWTID()).isEqualTo(issued.jti());
    assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(tokens.issue(42L, List.of()).jti()).as("every token its own jti").isNotEqualTo(issued.jti());
  }

  @Test
  void readsBackOnlyItsOwnUntamperedTokens() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TokenService tokens = new TokenService(only(key), "ticket-platform", Duration.ofMinutes(15), clock);
    String token = tokens.issue(7L, List.of("CUSTOMER")).value();

    assertThat(tokens.read(token)).get().extracting(JWTClaimsSet::getSubject).isEqualTo("7");

    String[] parts = token.split("\\.");
    String flipped = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
        + parts[2].substring(1);
    assertThat(tokens.read(flipped)).isEmpty();
    assertThat(tokens.read("garbage")).isEmpty();

    RSAKey sameIdOtherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    TokenService otherKey = new TokenService(only(sameIdOtherKey), "ticket-platform", Duration.ofMinutes(15), clock);
    assertThat(otherKey.read(token)).isEmpty();
    TokenService otherIssuer = new TokenService(only(key), "elsewhere", Duration.ofMinutes(15), clock);
    assertThat(otherIssuer.read(token)).isEmpty();
  }

  /** One key that signs and verifies. */
  static TokenService.Keys only(RSAKey key) {
    return new TokenService.Keys() {
      @Override
      public RSAKey signingKey() {
        return key;
      }

      @Override
      public Optional<RSAKey> verificationKey(String kid) {
        return key.getKeyID().equals(kid) ? Optional.of(key) : Optional.empty();
      }
    };
  }
}
