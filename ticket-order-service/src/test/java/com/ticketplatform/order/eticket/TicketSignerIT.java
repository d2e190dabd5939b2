package com.ticketplatform.order.eticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.test.MutableClock;
import com.ticketplatform.starter.keys.JdbcKeyRows;
import com.ticketplatform.starter.keys.KeyRing;
import com.ticketplatform.starter.keys.LocalKeyVault;
import com.ticketplatform.starter.persistence.MysqlServer;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-ticket signatures across key rotation, with the key ring on a real MariaDB table (the order service's t_key) and
 * a movable clock: a code keeps verifying while its key is published, stops once the key is retired, and any change
 * to a code, its signature or its key number makes it INVALID.
 */
class TicketSignerIT {

  static HikariDataSource keys;
  final MutableClock clock = new MutableClock();
  KeyRing ring;
  TicketSigner signer;

  @BeforeAll
  static void schema() throws Exception {
    keys = new MysqlServer("127.0.0.1", 3306, "root", "", "_test")
        .openMigrated("ticket_order_keys", "classpath:db/migration/order-saga", "ticket-keys-it", 4);
  }

  @AfterAll
  static void close() {
    keys.close();
  }

  @BeforeEach
  void ring() {
    String purpose = "ticket-it-" + UUID.randomUUID().toString().substring(0, 8);
    ring = new KeyRing(purpose, new JdbcKeyRows(keys), LocalKeyVault.fromList(
        "local-dev:NTBiIvZXAlOb5QKD16CQ2jnrMrNQ+0blEnE2KWw6mnY="), clock, TicketSigner::generate,
        ETicketConfig.ROTATION, Optional::empty);
    signer = new TicketSigner(ring);
  }

  TicketCode ticket(long ticketId) {
    // a code carries whole seconds
    Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    return new TicketCode(signer.currentKey(), ticketId, 9_001, 77, 42, "Row F seat 12", "Wang *i",
        start.minus(Duration.ofHours(2)), start.plus(Duration.ofHours(3)));
  }

  /** Advances the clock a day at a time, letting the ring do what its maintenance does every few seconds. */
  void live(Duration span) {
    for (long day = 0; day < span.toDays(); day++) {
      clock.advance(Duration.ofDays(1));
      ring.maintain();
    }
  }

  @Test
  void aCodeReadsBackAsSignedAndNothingElseVerifies() {
    TicketCode code = ticket(1);
    String text = signer.sign(code);

    assertThat(signer.verify(text)).contains(code);
    assertThat(TicketCodec.parse(text)).map(TicketCodec.Parsed::code).contains(code);

    String[] parts = text.split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[0] ^= 1;
    assertThat(signer.verify(parts[0] + "." + parts[1] + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature))).isEmpty();
    TicketCode otherKey = new TicketCode(99, 1, 9_001, 77, 42, "Row F seat 12", "", code.validFrom(),
        code.validUntil());
    byte[] payload = TicketCodec.payload(otherKey);
    assertThat(signer.verify(TicketCodec.text(payload, signature))).isEmpty();
    assertThat(signer.verify("T1.???." + parts[2])).isEmpty();
    assertThat(signer.verify(text + "x")).isEmpty();
  }

  @Test
  void codesOfAnOlderKeyVerifyUntilItIsRetiredAndTheKeysArePublishedNewestFirst() {
    int first = signer.currentKey();
    String old = signer.sign(ticket(1));

    live(Duration.ofDays(31));
    int second = signer.currentKey();
    String fresh = signer.sign(ticket(2));

    assertThat(second).isGreaterThan(first);
    assertThat(signer.verify(old)).as("the first key is still published").isPresent();
    assertThat(signer.verify(fresh)).isPresent();
    assertThat(signer.publishedKeys()).extracting(TicketSigner.VerificationKey::number).startsWith(second)
        .contains(first);

    live(TicketSigner.RETIRE_AFTER);

    assertThat(signer.verify(old)).as("retired %s after its successor", TicketSigner.RETIRE_AFTER).isEmpty();
    assertThat(signer.publishedKeys()).extracting(TicketSigner.VerificationKey::number).doesNotContain(first);
  }
}
