package com.ticketplatform.starter.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KeyVaultAutoConfigurationTest {

  static final String DEV_KEK = "local-dev:NTBiIvZXAlOb5QKD16CQ2jnrMrNQ+0blEnE2KWw6mnY=";

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class))
      .withPropertyValues("ticket.keys.vault=local");

  @Test
  void outsideTheLocalProfileTheDevelopmentKeyIsRefused() {
    runner.withPropertyValues("ticket.keys.kek=" + DEV_KEK).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("development key-encryption key");
    });
  }

  @Test
  void withoutAnyKeyEncryptionKeyTheServiceDoesNotStart() {
    runner.run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("TICKET_KEY_ENCRYPTION_KEYS");
    });
  }

  @Test
  void aDeploymentsOwnKeyOrTheLocalProfileStarts() {
    runner.withPropertyValues("ticket.keys.kek=kek-2026:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .run(context -> assertThat(context.getBean(KeyVault.class)).isInstanceOf(LocalKeyVault.class));
    runner.withPropertyValues("ticket.keys.kek=" + DEV_KEK, "ticket.security.dev-secrets-allowed=true")
        .run(context -> assertThat(context).hasSingleBean(KeyVault.class));
  }
}
