package com.ticketplatform.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues RS256 access tokens ({@code iss}, {@code sub} = user id, {@code roles}, {@code iat}, {@code exp},
 * {@code jti}) and reads back tokens it issued. Plain class: the key, issuer, lifetime and clock are given.
 */
public class TokenService {

  public static final String ROLES_CLAIM = "roles";

  private final RSAKey key;
  private final String issuer;
  private final Duration lifetime;
  private final Clock clock;
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;

  public TokenService(RSAKey key, String issuer, Duration lifetime, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clock = clock;
    try {
      this.signer = new RSASSASigner(key);
      this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("unusable signing key", e);
    }
  }

  public Duration lifetime() {
    return lifetime;
  }

  public AccessToken issue(long userId, List<String> roles) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(lifetime);
    String jti = UUID.randomUUID().toString();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(Long.toString(userId))
        .claim(ROLES_CLAIM, List.copyOf(roles))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expiresAt))
        .jwtID(jti)
        .build();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign access token", e);
    }
    return new AccessToken(jwt.serialize(), jti, expiresAt);
  }

  /**
   * The claims of a token this service signed, if the signature and issuer check out. Expiry is not checked: the
   * caller decides what an expired token means (for logout: nothing left to revoke).
   */
  public Optional<JWTClaimsSet> read(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      return issuer.equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
