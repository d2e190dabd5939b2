package com.ticketplatform.user.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Key rotation ({@code ticket.keys.*}); where the key-encryption keys come from is the key vault's business
 * ({@code ticket.keys.kek} or {@code ticket.keys.keystore}).
 *
 * @param signing token signing keys: rotated every 30 days, published an hour before they sign (far longer than the
 *     five minutes anyone may cache the JWK Set)
 * @param holder holder-data keys: rotated every 90 days, published five minutes ahead so every instance has loaded a
 *     key before any instance encrypts with it
 * @param checkEvery how often each instance reloads its keys and adds a due generation
 */
@ConfigurationProperties("ticket.keys")
public record KeyProperties(KeyRing.Policy signing, KeyRing.Policy holder, Duration checkEvery) {

  public KeyProperties {
    signing = signing == null ? new KeyRing.Policy(Duration.ofDays(30), Duration.ofHours(1)) : signing;
    holder = holder == null ? new KeyRing.Policy(Duration.ofDays(90), Duration.ofMinutes(5)) : holder;
    checkEvery = checkEvery == null ? Duration.ofSeconds(30) : checkEvery;
  }
}
