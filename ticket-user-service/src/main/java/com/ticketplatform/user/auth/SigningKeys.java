package com.ticketplatform.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.ticketplatform.starter.keys.KeyRing;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RS256 keys that sign access tokens, one {@link KeyRing} generation each (docs/ARCHITECTURE.md §9). The JWK Set
 * publishes a new key from when it is added ({@code publishLead} before it signs anything) until the tokens of the
 * key it replaced have all expired; only public halves ever leave the service.
 */
public class SigningKeys implements TokenService.Keys {

  public static final String PURPOSE = "jwt-signing-rs256";
  /** Clocks of the gateway and this service may differ a little: a retired key stays published this much longer. */
  private static final Duration SKEW = Duration.ofMinutes(1);

  private final KeyRing ring;
  private final Duration tokenLifetime;
  private final Map<String, RSAKey> parsed = new ConcurrentHashMap<>();

  public SigningKeys(KeyRing ring, Duration tokenLifetime) {
    this.ring = ring;
    this.tokenLifetime = tokenLifetime;
  }

  /** The key that signs tokens now. */
  @Override
  public RSAKey signingKey() {
    return toJwk(ring.current());
  }

  /** A key tokens may carry in their {@code kid}, while it is published. */
  @Override
  public Optional<RSAKey> verificationKey(String kid) {
    return ring.byKid(kid).filter(this::published).map(this::toJwk);
  }

  /** The public JWK Set served to the gateway: upcoming, current and recently retired keys, newest first. */
  public Map<String, Object> publicJwkSet() {
    List<JWK> keys = new ArrayList<>();
    for (KeyRing.Generation g : ring.published(retireAfter())) {
      keys.add(toJwk(g).toPublicJWK());
    }
    return new JWKSet(keys).toJSONObject(true);
  }

  /** Published until the next generation has been active for a token lifetime (and the clock skew). */
  private boolean published(KeyRing.Generation g) {
    return ring.isPublished(g, retireAfter());
  }

  private Duration retireAfter() {
    return tokenLifetime.plus(SKEW);
  }

  public static KeyRing.Material generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build();
      return new KeyRing.Material(jwk.computeThumbprint().toString(), pair.getPrivate().getEncoded(),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot generate a token signing key", e);
    }
  }

  private RSAKey toJwk(KeyRing.Generation g) {
    return parsed.computeIfAbsent(g.kid(), kid -> parse(g));
  }

  private static RSAKey parse(KeyRing.Generation g) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(g.secret()));
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
          new X509EncodedKeySpec(Base64.getDecoder().decode(g.publicPart())));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyID(g.kid())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored token signing key " + g.kid() + " is unreadable", e);
    }
  }
}
