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
 * {@code jti}, signed by the current key and naming it in {@code kid}) and reads back tokens it issued with any key
 * still published. Plain class: the keys, issuer, lifetime and clock are given.
 */
public class TokenService {

  public static final String ROLES_CLAIM = "roles";

  /** The signing key now, and the published key of a {@code kid}. */
  public interface Keys {
    RSAKey signingKey();

    Optional<RSAKey> verificationKey(String kid);
  }

  private final Keys keys;
  private final String issuer;
  private final Duration lifetime;
  private final Clock clock;

  public TokenService(Keys keys, String issuer, Duration lifetime, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clock = clock;
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
    RSAKey key = keys.signingKey();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
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
      Optional<RSAKey> key = jwt.getHeader().getKeyID() == null ? Optional.empty()
          : keys.verificationKey(jwt.getHeader().getKeyID());
      if (key.isEmpty() || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      return issuer.equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
