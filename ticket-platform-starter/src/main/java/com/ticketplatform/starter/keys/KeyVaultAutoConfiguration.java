package com.ticketplatform.starter.keys;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link KeyVault} of a service that keeps keys ({@code ticket.keys.vault=local}): KEKs from the keystore file
 * {@code ticket.keys.keystore} (password {@code ticket.keys.keystore-password}, primary alias
 * {@code ticket.keys.primary}) when set, else from {@code ticket.keys.kek} (TICKET_KEY_ENCRYPTION_KEYS). The local
 * profile's development KEK is refused outside it (docs/ARCHITECTURE.md §9).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "ticket.keys.vault", havingValue = "local")
public class KeyVaultAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(KeyVault.class)
  LocalKeyVault keyVault(Environment env) {
    String keystore = env.getProperty("ticket.keys.keystore", "");
    LocalKeyVault vault = keystore.isBlank()
        ? LocalKeyVault.fromList(env.getProperty("ticket.keys.kek", ""))
        : LocalKeyVault.fromKeystore(Path.of(keystore),
            env.getProperty("ticket.keys.keystore-password", "").toCharArray(),
            env.getProperty("ticket.keys.primary", ""));
    boolean devAllowed = env.getProperty("ticket.security.dev-secrets-allowed", Boolean.class, false);
    if (!devAllowed && vault.holds(LocalKeyVault.DEV_KEK_ID)) {
      throw new IllegalStateException("refusing to start with the development key-encryption key '"
          + LocalKeyVault.DEV_KEK_ID + "' outside the local profile: set TICKET_KEY_ENCRYPTION_KEYS (compose: .env)");
    }
    return vault;
  }
}
