package com.ticketplatform.order.eticket;

import com.ticketplatform.starter.keys.JdbcKeyRows;
import com.ticketplatform.starter.keys.KeyRing;
import com.ticketplatform.starter.keys.KeyRings;
import com.ticketplatform.starter.keys.KeyRows;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-tickets and the door. The signing keys live in the service's unsharded schema ({@code ticket_order_saga}, next to
 * the saga log: a key ring needs one place, not one per shard), wrapped by the key vault; a new Ed25519 generation
 * every 30 days, published a day before it signs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ETicketProperties.class)
class ETicketConfig {

  static final KeyRing.Policy ROTATION = new KeyRing.Policy(Duration.ofDays(30), Duration.ofDays(1));

  @Bean
  KeyRows keyRows(@Qualifier("seataSagaDataSource") DataSource unsharded) {
    return new JdbcKeyRows(unsharded);
  }

  @Bean
  KeyRing ticketKeyRing(KeyRings rings) {
    return rings.open(TicketSigner.PURPOSE, TicketSigner::generate, ROTATION);
  }

  @Bean
  TicketSigner ticketSigner(KeyRing ticketKeyRing) {
    return new TicketSigner(ticketKeyRing);
  }

  @Bean
  ETickets eTickets(DataSource orders, TicketSigner signer, ETicketProperties properties) {
    return new ETickets(new JdbcTemplate(orders), signer, properties);
  }

  @Bean
  Admissions admissions(DataSource orders, TransactionTemplate tx) {
    return new Admissions(new JdbcTemplate(orders), tx);
  }

  @Bean
  CheckIn checkIn(TicketSigner signer, Admissions admissions, ETicketProperties properties, Clock clock) {
    return new CheckIn(signer, admissions, properties, clock);
  }
}
