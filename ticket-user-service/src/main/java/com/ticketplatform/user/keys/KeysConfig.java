package com.ticketplatform.user.keys;

import com.ticketplatform.starter.keys.KeyVault;
import com.ticketplatform.user.auth.SigningKeys;
import com.ticketplatform.user.config.AuthProperties;
import com.ticketplatform.user.holder.HolderCipher;
import com.ticketplatform.user.secret.LegacySecrets;
import com.ticketplatform.user.web.IdempotentExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.ObjectMapper;

/** The service's three keys, each a {@link KeyRing} wrapped by the key vault (docs/ARCHITECTURE.md §9). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(KeyProperties.class)
class KeysConfig {

  @Bean
  KeyRing signingKeyRing(KeyMapper rows, KeyVault vault, Clock clock, KeyProperties properties,
      LegacySecrets legacy) {
    return new KeyRing(SigningKeys.PURPOSE, rows, vault, clock, SigningKeys::generate, properties.signing(),
        () -> legacy.take(SigningKeys.PURPOSE));
  }

  /**
   * Holder-data keys. A deployment that gave its key in TICKET_HOLDER_DATA_KEY (before keys were kept wrapped) has
   * data encrypted with it: that key becomes generation 1 and the variable can be dropped afterwards.
   */
  @Bean
  KeyRing holderKeyRing(KeyMapper rows, KeyVault vault, Clock clock, KeyProperties properties,
      LegacySecrets legacy, @Value("${ticket.user.holder-data-key:}") String configuredKey) {
    return new KeyRing(HolderCipher.PURPOSE, rows, vault, clock, HolderCipher::generate, properties.holder(),
        () -> configuredKey.isBlank() ? legacy.take(HolderCipher.PURPOSE)
            : Optional.of(new KeyRing.Legacy(new KeyRing.Material("holder-configured",
                Base64.getDecoder().decode(configuredKey.strip()), null), Instant.EPOCH, () -> { })));
  }

  @Bean
  KeyRing fingerprintKeyRing(KeyMapper rows, KeyVault vault, Clock clock, LegacySecrets legacy) {
    return new KeyRing(IdempotentExecutor.SECRET_PURPOSE, rows, vault, clock, IdempotentExecutor::generateKey,
        KeyRing.Policy.never(), () -> legacy.take(IdempotentExecutor.SECRET_PURPOSE));
  }

  @Bean
  SigningKeys signingKeys(@Qualifier("signingKeyRing") KeyRing ring, AuthProperties auth, Clock clock) {
    return new SigningKeys(ring, auth.accessTokenTtl(), clock);
  }

  @Bean
  HolderCipher holderCipher(@Qualifier("holderKeyRing") KeyRing ring) {
    return HolderCipher.of(ring);
  }

  @Bean
  IdempotentExecutor idempotentExecutor(StringRedisTemplate redis, ObjectMapper json,
      @Qualifier("fingerprintKeyRing") KeyRing ring) {
    return new IdempotentExecutor(redis, json, ring.current().secret());
  }

  @Bean
  Maintenance keyMaintenance(List<KeyRing> rings) {
    return new Maintenance(rings);
  }

  /** Keeps every instance's keys fresh and adds due generations. */
  static final class Maintenance {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    private final List<KeyRing> rings;

    Maintenance(List<KeyRing> rings) {
      this.rings = rings;
    }

    @Scheduled(fixedDelayString = "${ticket.keys.check-every:30s}",
        initialDelayString = "${ticket.keys.check-every:30s}")
    void maintain() {
      for (KeyRing ring : rings) {
        try {
          ring.maintain();
        } catch (RuntimeException e) {
          // the keys in memory stay usable; the next check tries again
          log.warn("key maintenance failed: {}", e.toString());
        }
      }
    }
  }
}
