package com.ticketplatform.starter.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class KeyRingAutoConfigurationTest {

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class, KeyRingAutoConfiguration.class))
      .withPropertyValues("ticket.keys.vault=local", "ticket.keys.kek=" + KeyRingTest.NEW_KEK);

  @Configuration(proxyBeanMethods = false)
  static class Database {
    @Bean
    DataSource dataSource() {
      // never connected to: JdbcKeyRows touches it only when a ring reads or writes
      return new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/none");
    }
  }

  /** A service's own rings, as it declares them: one bean per purpose from KeyRings. */
  @Configuration(proxyBeanMethods = false)
  static class Rings {
    @Bean
    KeyRows keyRows() {
      return new InMemoryKeyRows();
    }

    @Bean
    Clock clock() {
      return new TestClock(KeyRingTest.T0);
    }

    @Bean
    KeyRing ticketKeyRing(KeyRings rings) {
      return rings.open("test-ticket", () -> new KeyRing.Material("t1", new byte[32], null),
          KeyRing.Policy.never());
    }
  }

  @Test
  void aServiceWithAKeyVaultAndADataSourceGetsItsKeyRowsInItsTable() {
    runner.withUserConfiguration(Database.class).run(context -> {
      assertThat(context).hasSingleBean(KeyRings.class).hasSingleBean(KeyRingMaintenance.class);
      assertThat(context.getBean(KeyRows.class)).isInstanceOf(JdbcKeyRows.class);
      assertThat(context.getBean(KeyRingProperties.class).checkEvery()).isEqualTo(Duration.ofSeconds(30));
      assertThat(context.getBean(KeyRingMaintenance.class).rings()).isEmpty();
    });
  }

  @Test
  void itsRingBeansAreKeptFreshAndItsOwnRowsAndClockAreUsed() {
    runner.withUserConfiguration(Database.class, Rings.class).withPropertyValues("ticket.keys.check-every=5s")
        .run(context -> {
          assertThat(context.getBean(KeyRows.class)).isInstanceOf(InMemoryKeyRows.class);
          assertThat(context.getBean(KeyRingProperties.class).checkEvery()).isEqualTo(Duration.ofSeconds(5));
          KeyRing ring = context.getBean(KeyRing.class);
          assertThat(context.getBean(KeyRingMaintenance.class).rings()).containsExactly(ring);
          assertThat(context.getBean(KeyRingMaintenance.class).isRunning()).isTrue();
          assertThat(ring.current().activeFrom()).isEqualTo(KeyRingTest.T0);
          assertThat(((InMemoryKeyRows) context.getBean(KeyRows.class)).rows).hasSize(1);
        });
  }

  @Test
  void withoutAKeyVaultOrADataSourceThereAreNoKeyRings() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class, KeyRingAutoConfiguration.class))
        .withUserConfiguration(Database.class)
        .run(context -> assertThat(context).doesNotHaveBean(KeyRings.class).doesNotHaveBean(KeyRows.class));
    runner.run(context -> assertThat(context).hasSingleBean(KeyVault.class).doesNotHaveBean(KeyRings.class));
  }
}
