package com.ticketplatform.user.keys;

import com.ticketplatform.starter.idempotency.Fingerprinter;
import com.ticketplatform.starter.keys.KeyRing;
import com.ticketplatform.starter.keys.KeyRings;
import com.ticketplatform.user.auth.SigningKeys;
import com.ticketplatform.user.config.AuthProperties;
import com.ticketplatform.user.holder.HolderCipher;
import com.ticketplatform.user.secret.LegacySecrets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's three keys, each a {@link KeyRing} of ticket-platform-starter (docs/ARCHITECTURE.md §9), which keeps
 * them in {@code t_key} wrapped by the key vault and fresh on every instance; what is the user service's own is
 * here: which keys exist, how often they rotate, and the keys of earlier versions they start from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
class KeysConfig {

  /** The purpose of the Idempotency-Key fingerprint key in the key ring (the name earlier versions stored it under). */
  static final String FINGERPRINT_PURPOSE = "idempotency-hmac";

  @Bean
  KeyRing signingKeyRing(KeyRings rings, KeyProperties properties, LegacySecrets legacy) {
    return rings.open(SigningKeys.PURPOSE, SigningKeys::generate, properties.signing(),
        () -> legacy.take(SigningKeys.PURPOSE));
  }

  /**
   * Holder-data keys. A deployment that gave its key in TICKET_HOLDER_DATA_KEY (before keys were kept wrapped) has
   * data encrypted with it: that key becomes generation 1 and the variable can be dropped afterwards.
   */
  @Bean
  KeyRing holderKeyRing(KeyRings rings, KeyProperties properties, LegacySecrets legacy,
      @Value("${ticket.user.holder-data-key:}") String configuredKey) {
    return rings.open(HolderCipher.PURPOSE, HolderCipher::generate, properties.holder(),
        () -> configuredKey.isBlank() ? legacy.take(HolderCipher.PURPOSE)
            : Optional.of(new KeyRing.Legacy(new KeyRing.Material("holder-configured",
                Base64.getDecoder().decode(configuredKey.strip()), null), Instant.EPOCH, () -> { })));
  }

  /** The key of the Idempotency-Key fingerprints; never rotated, so fingerprints kept for a day keep matching. */
  @Bean
  KeyRing fingerprintKeyRing(KeyRings rings, LegacySecrets legacy) {
    return rings.open(FINGERPRINT_PURPOSE, KeysConfig::newFingerprintKey, KeyRing.Policy.never(),
        () -> legacy.take(FINGERPRINT_PURPOSE));
  }

  @Bean
  SigningKeys signingKeys(@Qualifier("signingKeyRing") KeyRing ring, AuthProperties auth) {
    return new SigningKeys(ring, auth.accessTokenTtl());
  }

  @Bean
  HolderCipher holderCipher(@Qualifier("holderKeyRing") KeyRing ring) {
    return HolderCipher.of(ring);
  }

  /**
   * Idempotency-Keys of registrations and holders remember a keyed digest of the request: it holds a password or an
   * ID number, which a plain digest in Redis would let anyone with a guess confirm (RedisIdempotency).
   */
  @Bean
  Fingerprinter requestFingerprinter(@Qualifier("fingerprintKeyRing") KeyRing ring) {
    return Fingerprinter.hmacSha256(ring.current().secret());
  }

  private static KeyRing.Material newFingerprintKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new KeyRing.Material("idempotency-" + UUID.randomUUID(), key, null);
  }
}
