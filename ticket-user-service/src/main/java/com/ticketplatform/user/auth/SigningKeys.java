package com.ticketplatform.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.ticketplatform.user.account.Times;
import com.ticketplatform.user.secret.ServiceSecretEntity;
import com.ticketplatform.user.secret.ServiceSecrets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The RS256 key pair that signs access tokens. Generated on the first start and kept in this service's schema, so
 * tokens stay valid across restarts and instances; only the public half ever leaves the service (as a JWK Set).
 */
@Component
public class SigningKeys {

  static final String PURPOSE = "jwt-signing-rs256";

  private final RSAKey key;

  public SigningKeys(ServiceSecrets secrets, Clock clock) {
    this.key = load(secrets.getOrCreate(PURPOSE, () -> generate(clock)));
  }

  RSAKey signingKey() {
    return key;
  }

  /** The public JWK Set served to the gateway. */
  public Map<String, Object> publicJwkSet() {
    return new JWKSet(key.toPublicJWK()).toJSONObject(true);
  }

  static ServiceSecretEntity generate(Clock clock) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build();
      ServiceSecretEntity row = new ServiceSecretEntity();
      row.setKeyId(jwk.computeThumbprint().toString());
      row.setSecret(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
      row.setPublicPart(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      row.setCreatedAt(Times.nowUtc(clock));
      return row;
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot generate the token signing key", e);
    }
  }

  static RSAKey load(ServiceSecretEntity row) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
          new PKCS8EncodedKeySpec(Base64.getDecoder().decode(row.getSecret())));
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
          new X509EncodedKeySpec(Base64.getDecoder().decode(row.getPublicPart())));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyID(row.getKeyId())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored token signing key is unreadable", e);
    }
  }
}
