package com.ticketplatform.notify.delivery;

import com.ticketplatform.client.user.UserClient;
import com.ticketplatform.notify.notice.Notice;
import com.ticketplatform.notify.notice.NotifyProperties;
import com.ticketplatform.notify.preference.Preferences;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the due deliveries (docs/ARCHITECTURE.md §14), every {@code ticket.notify.delivery.poll-interval}: each is
 * leased, its recipient asked of the user service, its mail written and handed to the SMTP relay. A failure (the
 * relay, the user or order service) is tried again after a doubling pause; the last allowed attempt's failure makes it
 * DEAD, a dead letter an admin sees and can send again. A user without an e-mail address is SKIPPED: the inbox has it.
 * A delivery is SENT once; only a crash between the relay's acceptance and the status update repeats it, with the
 * same Message-ID.
 */
public class DeliverySender {

  private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
  /**
   * How long one round keeps taking new batches: the service's other schedules (reminders, purges) share the
   * scheduler and wait about this long plus one batch; what is left is sent by the next round.
   */
  static final Duration DRAIN_AT_MOST = Duration.ofSeconds(10);

  private final Deliveries deliveries;
  private final MailComposer composer;
  private final JavaMailSenderImpl smtp;
  private final UserClient users;
  private final Preferences preferences;
  private final ObjectMapper json;
  private final Clock clock;
  private final NotifyProperties.Delivery settings;
  private final Backoff backoff;
  private final MeterRegistry meters;

  public DeliverySender(Deliveries deliveries, MailComposer composer, JavaMailSenderImpl smtp, UserClient users,
      Preferences preferences, ObjectMapper json, Clock clock, NotifyProperties properties, MeterRegistry meters) {
    this.deliveries = deliveries;
    this.composer = composer;
    this.smtp = smtp;
    this.users = users;
    this.preferences = preferences;
    this.json = json;
    this.clock = clock;
    this.settings = properties.delivery();
    this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
    this.meters = meters;
  }

  /**
   * Sends what is due, a batch at a time, and goes on at once while batches come back full, for at most
   * {@link #DRAIN_AT_MOST}. A backlog (the confirmations of an on-sale's payment storm) is sent as fast as mails are
   * written and relayed instead of one batch per poll interval. One round at a time per instance (other instances
   * share the work through the leases). Answers how many deliveries it found due.
   */
  @Scheduled(fixedDelayString = "${ticket.notify.delivery.poll-interval}",
      initialDelayString = "${ticket.notify.delivery.poll-interval}")
  public synchronized int sendDue() {
    long stopAt = System.nanoTime() + DRAIN_AT_MOST.toNanos();
    int found = 0;
    try {
      int batch;
      do {
        batch = sendBatch();
        found += batch;
      } while (batch == settings.batchSize() && System.nanoTime() - stopAt < 0);
    } catch (RuntimeException e) {
      log.warn("delivery round failed, next round retries: {}", e.toString());
    }
    return found;
  }

  /** One batch: the oldest due deliveries, each leased and attempted. Answers how many were due. */
  private int sendBatch() {
    List<Deliveries.Delivery> due = deliveries.due(clock.instant(), settings.batchSize());
    for (Deliveries.Delivery delivery : due) {
      if (deliveries.lease(delivery, clock.instant().plus(settings.lease()))) {
        attempt(delivery);
      }
    }
    return due.size();
  }

  /** One attempt at a leased delivery. */
  void attempt(Deliveries.Delivery delivery) {
    String address = null;
    try {
      UserClient.Contact contact = users.contact(delivery.userId());
      if (contact.email() == null || contact.email().isBlank()) {
        deliveries.skipped(delivery, "no e-mail address", clock.instant());
        count(delivery, "skipped");
        return;
      }
      address = contact.email();
      Notice.Facts facts = json.readValue(delivery.facts(), Notice.Facts.class);
      MimeMessage mail = composer.compose(smtp.getSession(), delivery, facts, contact,
          preferences.of(delivery.userId()).language().locale());
      smtp.send(mail);
      deliveries.sent(delivery, address, clock.instant());
      count(delivery, "sent");
    } catch (Exception e) {
      int failures = delivery.attempts() + 1;
      Instant now = clock.instant();
      Instant retryAt = failures >= settings.maxAttempts() ? null : now.plus(backoff.after(failures));
      deliveries.failed(delivery, address, e.toString(), retryAt, now);
      count(delivery, retryAt == null ? "dead" : "failed");
      log.warn("delivery {} ({}) attempt {} failed{}: {}", delivery.id(), delivery.kind(), failures,
          retryAt == null ? ", now a dead letter" : ", next at " + retryAt, e.toString());
    }
  }

  private void count(Deliveries.Delivery delivery, String outcome) {
    meters.counter("ticket.notify.deliveries", "kind", delivery.kind().name(), "outcome", outcome).increment();
  }
}
