package com.ticketplatform.starter.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key rings' upkeep ({@code ticket.keys.*}; the key vault reads its own {@code ticket.keys.vault}, {@code kek},
 * {@code keystore}, and each service binds its rings' {@link KeyRing.Policy}s under the same prefix).
 *
 * @param checkEvery how often each instance reloads its keys and adds a due generation (30 s); zero: never
 */
@ConfigurationProperties("ticket.keys")
public record KeyRingProperties(Duration checkEvery) {

  public KeyRingProperties {
    checkEvery = checkEvery == null ? Duration.ofSeconds(30) : checkEvery;
  }
}
