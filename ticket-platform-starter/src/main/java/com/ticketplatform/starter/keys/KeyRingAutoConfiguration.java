package com.ticketplatform.starter.keys;

import com.ticketplatform.common.CommonAutoConfiguration;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The key rings of a service that has a {@link KeyVault} ({@code ticket.keys.vault=local}, or its own bean) and a
 * DataSource (docs/ARCHITECTURE.md §9): {@link KeyRows} on the service's {@code t_key} table, which its own Flyway
 * migration creates ({@link JdbcKeyRows#createTable()}); {@link KeyRings} to open one {@link KeyRing} bean per
 * purpose; and {@link KeyRingMaintenance}, which keeps every {@code KeyRing} bean fresh
 * ({@code ticket.keys.check-every}). A service with several DataSources and none primary declares its own
 * {@code KeyRows}.
 */
@AutoConfiguration(after = {KeyVaultAutoConfiguration.class, CommonAutoConfiguration.class},
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean({KeyVault.class, DataSource.class})
@EnableConfigurationProperties(KeyRingProperties.class)
public class KeyRingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(KeyRows.class)
  @ConditionalOnSingleCandidate(DataSource.class)
  JdbcKeyRows keyRows(DataSource dataSource) {
    return new JdbcKeyRows(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean
  KeyRings keyRings(KeyRows rows, KeyVault vault, ObjectProvider<Clock> clock) {
    return new KeyRings(rows, vault, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  KeyRingMaintenance keyRingMaintenance(ObjectProvider<KeyRing> rings, KeyRingProperties properties) {
    return new KeyRingMaintenance(() -> rings.orderedStream().toList(), properties.checkEvery());
  }
}
