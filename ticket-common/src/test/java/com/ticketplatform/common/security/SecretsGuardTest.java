package com.ticketplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SecretsGuardTest {

  final ApplicationContextRunner service = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SecretsGuardAutoConfiguration.class))
      .withPropertyValues("ticket.security.secrets=ticket.pay.provider-secret,ticket.mysql.password");

  @Test
  void aServiceWithTheRepositorysDefaultsRefusesToStartAndNamesEverySecret() {
    service.withPropertyValues("ticket.pay.provider-secret=dev-sandbox-secret-change-me", "ticket.mysql.password=")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).isInstanceOf(SecretsGuard.InsecureSecretsException.class)
              .hasMessageContaining("ticket.pay.provider-secret (a published default)")
              .hasMessageContaining("ticket.mysql.password (missing)")
              .hasMessageContaining(".env.example");
        });
  }

  @Test
  void shortOrPlaceholderSecretsAreRefusedToo() {
    service.withPropertyValues("ticket.pay.provider-secret=Change-Me-Please-2026", "ticket.mysql.password=s3cret")
        .run(context -> assertThat(context.getStartupFailure())
            .hasMessageContaining("ticket.pay.provider-secret (a published default)")
            .hasMessageContaining("ticket.mysql.password (shorter than 12 characters)"));
  }

  @Test
  void realSecretsStart() {
    service.withPropertyValues("ticket.pay.provider-secret=q8Vd2-LmN4x-7Rt0p-Zs1Ke",
        "ticket.mysql.password=Wm4-kX9r-Tq2s").run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void demoAccountsWithTheirPublishedPasswordsAreRefusedOutsideTheLocalProfile() {
    service.withPropertyValues("ticket.pay.provider-secret=q8Vd2-LmN4x-7Rt0p-Zs1Ke",
        "ticket.mysql.password=Wm4-kX9r-Tq2s", "ticket.demo.enabled=true")
        .run(context -> assertThat(context.getStartupFailure()).hasMessageContaining("ticket.demo.enabled"));
  }

  @Test
  void theLocalProfileAndTheTestsMayUseTheDevelopmentDefaults() {
    service.withPropertyValues("ticket.security.dev-secrets-allowed=true",
        "ticket.pay.provider-secret=dev-sandbox-secret-change-me").run(context -> assertThat(context).hasNotFailed());
  }
}
