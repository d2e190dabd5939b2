package com.ticketplatform.user.keys;

import com.ticketplatform.starter.keys.KeyRing;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the service's keys rotate ({@code ticket.keys.*}); how often every instance checks them
 * ({@code ticket.keys.check-every}) is the starter's key-ring setting, and where the key-encryption keys come from the
 * key vault's ({@code ticket.keys.kek} or {@code ticket.keys.keystore}).
 *
 * @param signing token signing keys: rotated every 30 days, published an hour before they sign (far longer than the
 *     five minutes anyone may cache the JWK Set)
 * @param holder holder-data keys: rotated every 90 days, published five minutes ahead so every instance has loaded a
 *     key before any instance encrypts with it
 */
@ConfigurationProperties("ticket.keys")
public record KeyProperties(KeyRing.Policy signing, KeyRing.Policy holder) {

  public KeyProperties {
    signing = signing == null ? new KeyRing.Policy(Duration.ofDays(30), Duration.ofHours(1)) : signing;
    holder = holder == null ? new KeyRing.Policy(Duration.ofDays(90), Duration.ofMinutes(5)) : holder;
  }
}
