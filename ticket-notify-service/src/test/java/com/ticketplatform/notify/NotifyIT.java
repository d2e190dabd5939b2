package com.ticketplatform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.OrderEvents;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.event.ProgramEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.test.MutableClock;
import com.ticketplatform.notify.delivery.DeliverySender;
import com.ticketplatform.notify.notice.Notice;
import com.ticketplatform.notify.notice.NoticeKind;
import com.ticketplatform.notify.notice.Notices;
import com.ticketplatform.notify.trigger.Reminders;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The notify service end to end on real pieces (docs/ARCHITECTURE.md §14): events on an in-JVM Kafka, MariaDB, Redis,
 * an SMTP server in the test (GreenMail), and the order and user services' internal endpoints served over real HTTP
 * by a small server in the test (they are other deployables).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ticket.mysql.schema-suffix=_test",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "ticket.notify.delivery.poll-interval=PT0.2S",
    "ticket.notify.delivery.first-backoff=PT0.3S",
    "ticket.notify.delivery.max-backoff=PT1S",
    "ticket.notify.delivery.max-attempts=3",
    "ticket.notify.reminder-before=PT3H",
    "ticket.notify.schedule-interval=PT1H",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN"})
@EmbeddedKafka(partitions = 1, topics = {Topics.ORDER_EVENTS, Topics.PAYMENT_EVENTS, Topics.PROGRAM_EVENTS})
class NotifyIT {

  static final int SMTP_PORT = freePort();
  static GreenMail smtp = startSmtp();
  /** The order service's e-tickets and the user service's contacts, by order number and user id. */
  static final Map<Long, String> TICKETS_JSON = new ConcurrentHashMap<>();
  static final Map<Long, String> CONTACTS_JSON = new ConcurrentHashMap<>();
  static final HttpServer PLATFORM = stubPlatform();

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock();
    }
  }

  @DynamicPropertySource
  static void neighbours(DynamicPropertyRegistry registry) {
    String uri = "http://127.0.0.1:" + PLATFORM.getAddress().getPort();
    registry.add("spring.cloud.discovery.client.simple.instances.ticket-order-service[0].uri", () -> uri);
    registry.add("spring.cloud.discovery.client.simple.instances.ticket-user-service[0].uri", () -> uri);
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  @Autowired
  KafkaTemplate<String, String> kafka;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Reminders reminders;
  @Autowired
  Notices notices;
  @Autowired
  DeliverySender sender;
  @Autowired
  ScheduledTaskHolder schedules;
  @Autowired
  TaskScheduler scheduler;
  @Value("${ticket.notify.delivery.batch-size}")
  int batchSize;
  @Value("${ticket.notify.delivery.poll-interval}")
  Duration pollInterval;

  RestClient http;

  @BeforeEach
  void setUp() {
    http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
  }

  @AfterEach
  void smtpBackUp() {
    if (!smtp.isRunning()) {
      smtp = startSmtp();
    }
    clock.reset();
  }

  @AfterAll
  static void stopAll() {
    smtp.stop();
    PLATFORM.stop(0);
  }

  @Test
  void aPaidOrderGetsOneConfirmationWithItsTicketsAsQrCodesInlineAndInAPdf() throws Exception {
    long user = randomId();
    long orderNo = randomId();
    String email = "buyer-" + user + "@example.com";
    contact(user, email, "Li Lei");
    List<String> codes = List.of("T1.code-" + randomId() + ".signature-a", "T1.code-" + randomId() + ".signature-b");
    tickets(orderNo, user, "Wandering Earth", List.of("A-1", "A-2"), codes);
    Instant startsAt = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MILLIS);

    EventEnvelope<Object> paid = envelope("OrderPaid", orderNo, new OrderEvents.OrderPaid(orderNo, user, 7, 8, 9,
        List.of(1L, 2L), new BigDecimal("90.00"), "CNY", Instant.now(), "Wandering Earth", startsAt));
    publish(Topics.ORDER_EVENTS, paid);
    publish(Topics.ORDER_EVENTS, paid); // the same event again: applied once

    MimeMessage mail = awaitMail(email);
    assertThat(mail.getSubject()).isEqualTo("Your tickets for Wandering Earth");
    String deliveryMessageId = jdbc.queryForObject("SELECT message_id FROM t_delivery WHERE dedup_key = ?"
        + " AND kind = 'ORDER_CONFIRMED'", String.class, paid.id().toString());
    assertThat(mail.getMessageID()).isEqualTo(deliveryMessageId).matches("<notify\\.\\d+@ticket\\.local>");

    List<Part> parts = new ArrayList<>();
    flatten(mail, parts);
    String html = parts.stream().filter(p -> isType(p, "text/html")).map(NotifyIT::content).findFirst().orElseThrow();
    String text = parts.stream().filter(p -> isType(p, "text/plain")).map(NotifyIT::content).findFirst()
        .orElseThrow();
    assertThat(html).contains("Hello Li Lei,", "Seat A-1", "Seat A-2", "90.00 CNY");
    assertThat(text).contains("Your tickets for Wandering Earth", "Seat A-1");
    List<String> inlineIds = parts.stream().filter(p -> isType(p, "image/png")).map(NotifyIT::contentId).toList();
    assertThat(inlineIds).hasSize(2);
    inlineIds.forEach(cid -> assertThat(html).contains("cid:" + cid));

    Part attachment = parts.stream().filter(p -> isType(p, "application/pdf")).findFirst().orElseThrow();
    assertThat(attachment.getFileName()).isEqualTo("e-tickets-" + orderNo + ".pdf");
    try (PDDocument pdf = Loader.loadPDF(attachment.getInputStream().readAllBytes())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(2);
      assertThat(new PDFTextStripper().getText(pdf)).contains("Wandering Earth", "Seat A-1", "Seat A-2");
      List<String> decoded = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
            decoded.add(decodeQr(image.getImage()));
          }
        }
      }
      assertThat(decoded).containsExactlyElementsOf(codes);
    }

    // the second copy of the event added nothing: one delivery, one inbox entry, one mail
    Thread.sleep(1500);
    assertThat(smtp.getReceivedMessagesForDomain(email)).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_delivery WHERE user_id = ?", Integer.class, user))
        .isEqualTo(1);
    JsonNode inbox = inbox(user, null);
    assertThat(inbox.path("items")).hasSize(1);
    JsonNode entry = inbox.path("items").get(0);
    assertThat(entry.path("kind").asText()).isEqualTo("ORDER_CONFIRMED");
    assertThat(entry.path("orderNo").isString()).isTrue();
    assertThat(entry.path("orderNo").asText()).isEqualTo(Long.toString(orderNo));
    assertThat(entry.path("id").isString()).isTrue();
  }

  /**
   * After an on-sale's payment storm thousands of confirmations are due at once: one round goes on while batches come
   * back full, instead of sending one batch per poll interval. The scheduled rounds are paused meanwhile, so the round
   * this test runs is the only sender.
   */
  @Test
  void aBacklogLongerThanABatchIsSentInOneRound() throws Exception {
    ScheduledTask scheduled = schedules.getScheduledTasks().stream()
        .filter(task -> task.toString().contains("DeliverySender.sendDue")).findFirst().orElseThrow();
    scheduled.cancel(false);
    try {
      sender.sendDue(); // waits for a round already running, and sends what other tests left due
      int backlog = 2 * batchSize + 5;
      String showtime = "backlog-" + randomId();
      List<String> addresses = new ArrayList<>();
      for (int i = 0; i < backlog; i++) {
        long user = randomId();
        String email = "backlog-" + user + "@example.com";
        contact(user, email, "Buyer " + i);
        addresses.add(email);
        notices.record(new Notice(NoticeKind.SHOWTIME_CANCELLED, showtime, user, randomId(),
            Notice.Facts.of("Backlog Film", Instant.now().plus(Duration.ofDays(3)))));
      }

      assertThat(sender.sendDue()).isGreaterThanOrEqualTo(backlog);

      assertThat(count("SELECT COUNT(*) FROM t_delivery WHERE dedup_key = ? AND status = 'SENT'", showtime))
          .isEqualTo(backlog);
      assertThat(addresses).allSatisfy(email -> assertThat(smtp.getReceivedMessagesForDomain(email)).hasSize(1));
    } finally {
      scheduler.scheduleWithFixedDelay(sender::sendDue, pollInterval);
    }
  }

  @Test
  void whileTheRelayIsDownADeliveryIsRetriedThenDeadAndAnAdminSendsItAgain() throws Exception {
    long user = randomId();
    long orderNo = randomId();
    String email = "late-" + user + "@example.com";
    contact(user, email, null);
    order(orderNo, user, 44, Instant.now().plus(Duration.ofDays(20)));
    smtp.stop();

    EventEnvelope<Object> failed = envelope("PaymentFailed", orderNo,
        new PaymentEvents.PaymentFailed(orderNo, "pay-" + orderNo, "DECLINED"));
    publish(Topics.PAYMENT_EVENTS, failed);

    String status = "SELECT status FROM t_delivery WHERE dedup_key = ? AND kind = 'PAYMENT_FAILED'";
    await(() -> "DEAD".equals(jdbc.queryForList(status, String.class, failed.id().toString()).stream().findFirst()
        .orElse("")), Duration.ofSeconds(30));
    Map<String, Object> dead = jdbc.queryForMap("SELECT id, attempts, last_error, created_at, updated_at"
        + " FROM t_delivery WHERE dedup_key = ?", failed.id().toString());
    assertThat(dead.get("attempts")).isEqualTo(3);
    assertThat((String) dead.get("last_error")).contains("MailSendException");
    // three attempts with pauses of 0.3 s and 0.6 s between them: never all at once
    Duration spent = Duration.between(((java.sql.Timestamp) dead.get("created_at")).toInstant(),
        ((java.sql.Timestamp) dead.get("updated_at")).toInstant());
    assertThat(spent).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    long deliveryId = ((Number) dead.get("id")).longValue();
    // the relay being down delays mail; it does not make the service unhealthy
    assertThat(http.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value())
        .isEqualTo(200);

    assertThat(admin("GET", "/api/admin/notifications/dead-letters?size=5", "CUSTOMER").getStatusCode().value())
        .isEqualTo(403);
    JsonNode letters = json.readTree(admin("GET", "/api/admin/notifications/dead-letters?size=100", "ADMIN")
        .getBody());
    JsonNode letter = null;
    for (JsonNode candidate : letters.path("items")) {
      if (candidate.path("id").asText().equals(Long.toString(deliveryId))) {
        letter = candidate;
      }
    }
    assertThat(letter).isNotNull();
    assertThat(letter.path("status").asText()).isEqualTo("DEAD");
    assertThat(letter.path("kind").asText()).isEqualTo("PAYMENT_FAILED");
    assertThat(letter.path("lastError").asText()).contains("MailSendException");

    smtp = startSmtp();
    ResponseEntity<String> retried = admin("POST", "/api/admin/notifications/deliveries/" + deliveryId + "/retry",
        "ADMIN");
    assertThat(retried.getStatusCode().value()).isEqualTo(202);
    MimeMessage mail = awaitMail(email);
    assertThat(mail.getSubject()).isEqualTo("Payment for order " + orderNo + " did not go through");
    assertThat(mail.getMessageID()).isEqualTo(jdbc.queryForObject("SELECT message_id FROM t_delivery WHERE id = ?",
        String.class, deliveryId));
    await(() -> "SENT".equals(jdbc.queryForObject("SELECT status FROM t_delivery WHERE id = ?", String.class,
        deliveryId)), Duration.ofSeconds(10));
    // a delivery that is not dead is not sent again
    ResponseEntity<String> again = admin("POST", "/api/admin/notifications/deliveries/" + deliveryId + "/retry",
        "ADMIN");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
  }

  @Test
  void theReminderFiresWhenTheClockPassesStartMinusTheLeadAndNotForAUserWhoOptedOut() throws Exception {
    long keen = randomId();
    long optedOut = randomId();
    long keenOrder = randomId();
    long optedOutOrder = randomId();
    contact(keen, "keen-" + keen + "@example.com", "Han Meimei");
    contact(optedOut, "quiet-" + optedOut + "@example.com", null);
    ResponseEntity<String> off = http.put().uri("/api/notifications/preferences")
        .header("X-User-Id", Long.toString(optedOut)).contentType(MediaType.APPLICATION_JSON)
        .body("{\"reminders\":false}").retrieve().toEntity(String.class);
    assertThat(json.readTree(off.getBody()).path("reminders").asBoolean(true)).isFalse();
    ResponseEntity<String> chinese = http.put().uri("/api/notifications/preferences")
        .header("X-User-Id", Long.toString(keen)).contentType(MediaType.APPLICATION_JSON)
        .body("{\"language\":\"zh-CN\"}").retrieve().toEntity(String.class);
    assertThat(json.readTree(chinese.getBody()).path("language").asText()).isEqualTo("zh-CN");
    ResponseEntity<String> bad = http.put().uri("/api/notifications/preferences")
        .header("X-User-Id", Long.toString(keen)).contentType(MediaType.APPLICATION_JSON)
        .body("{\"language\":\"klingon\"}").retrieve().toEntity(String.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");

    Instant startsAt = clock.instant().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);
    order(keenOrder, keen, 61, startsAt);
    order(optedOutOrder, optedOut, 61, startsAt);
    await(() -> count("SELECT COUNT(*) FROM t_notification WHERE order_no IN (?, ?) AND kind = 'ORDER_CONFIRMED'",
        keenOrder, optedOutOrder) == 2, Duration.ofSeconds(30));

    reminders.run();
    assertThat(reminderCount(keenOrder)).isZero();

    clock.advance(Duration.ofHours(2).plusMinutes(1));
    reminders.run();
    reminders.run(); // a second round (another instance) adds nothing
    assertThat(reminderCount(keenOrder)).isEqualTo(1);
    assertThat(reminderCount(optedOutOrder)).isZero();
    MimeMessage reminder = awaitMail("keen-" + keen + "@example.com", "提醒");
    assertThat(reminder.getSubject()).startsWith("提醒：《Film 61》将于");
    assertThat(reminder.getContentLanguage()).containsExactly("zh-CN");
    assertThat(smtp.getReceivedMessagesForDomain("quiet-" + optedOut + "@example.com"))
        .noneMatch(m -> subject(m).startsWith("Reminder"));
  }

  @Test
  void anUnpaidHoldIsWarnedOnceBeforeItRunsOutAndAPaidOneIsNot() throws Exception {
    long user = randomId();
    long unpaid = randomId();
    long paidMeanwhile = randomId();
    contact(user, "holder-" + user + "@example.com", null);
    Instant expires = clock.instant().plus(Duration.ofMinutes(4));
    for (long orderNo : List.of(unpaid, paidMeanwhile)) {
      publish(Topics.ORDER_EVENTS, envelope("OrderCreated", orderNo, new OrderEvents.OrderCreated(orderNo, user, 3,
          71, 9, List.of(1L), new BigDecimal("35.00"), "CNY", expires, "Film 71",
          Instant.now().plus(Duration.ofDays(20)))));
    }
    tickets(paidMeanwhile, user, "Film 71", List.of("B-1"), List.of("T1.hold-" + paidMeanwhile));
    publish(Topics.ORDER_EVENTS, envelope("OrderPaid", paidMeanwhile, new OrderEvents.OrderPaid(paidMeanwhile, user,
        3, 71, 9, List.of(1L), new BigDecimal("35.00"), "CNY", Instant.now(), "Film 71",
        Instant.now().plus(Duration.ofDays(20)))));
    await(() -> count("SELECT COUNT(*) FROM t_notify_order WHERE order_no = ? AND status = 'PAID'",
        paidMeanwhile) == 1 && count("SELECT COUNT(*) FROM t_notify_order WHERE order_no = ?", unpaid) == 1,
        Duration.ofSeconds(30));

    reminders.run();
    reminders.run();
    assertThat(count("SELECT COUNT(*) FROM t_notification WHERE order_no = ? AND kind = 'HOLD_EXPIRING'", unpaid))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM t_notification WHERE order_no = ? AND kind = 'HOLD_EXPIRING'",
        paidMeanwhile)).isZero();
    MimeMessage warning = awaitMail("holder-" + user + "@example.com", "held until");
    assertThat(warning.getSubject()).startsWith("Your seats for Film 71 are held until");
  }

  /**
   * The order topic is read a poll at a time and its {@code OrderCreated} runs are written together: a repeated or
   * late {@code OrderCreated} fills in facts but never takes a paid order back to unpaid, and the events of one poll
   * apply in the order they were sent.
   */
  @Test
  void aRepeatedOrderCreatedReadAfterThePaymentLeavesTheOrderPaidAndEventsApplyInOrder() throws Exception {
    long user = randomId();
    long paid = randomId();
    long cancelled = randomId();
    long after = randomId();
    Instant startsAt = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MILLIS);
    EventEnvelope<Object> created = envelope("OrderCreated", paid, new OrderEvents.OrderCreated(paid, user, 3, 81, 9,
        List.of(1L), new BigDecimal("35.00"), "CNY", clock.instant().plus(Duration.ofMinutes(15)), "Film 81",
        startsAt));
    String key = Long.toString(paid);
    // one key, so one partition: read in this order, most likely in one poll
    publishOrderEvent(key, created);
    publishOrderEvent(key, envelope("OrderPaid", paid, new OrderEvents.OrderPaid(paid, user, 3, 81, 9, List.of(1L),
        new BigDecimal("35.00"), "CNY", Instant.now(), "Film 81", startsAt)));
    publishOrderEvent(key, created);
    publishOrderEvent(key, envelope("OrderCreated", cancelled, new OrderEvents.OrderCreated(cancelled, user, 3, 81, 9,
        List.of(2L), new BigDecimal("35.00"), "CNY", clock.instant().plus(Duration.ofMinutes(15)), "Film 81",
        startsAt)));
    publishOrderEvent(key, envelope("OrderCancelled", cancelled, new OrderEvents.OrderCancelled(cancelled, user, 81,
        List.of(2L), "EXPIRED")));
    publishOrderEvent(key, envelope("OrderCreated", after, new OrderEvents.OrderCreated(after, user, 3, 81, 9,
        List.of(3L), new BigDecimal("35.00"), "CNY", clock.instant().plus(Duration.ofMinutes(15)), null, null)));
    await(() -> count("SELECT COUNT(*) FROM t_notify_order WHERE order_no = ?", after) == 1, Duration.ofSeconds(30));

    assertThat(jdbc.queryForMap("SELECT status, program_title, starts_at FROM t_notify_order WHERE order_no = ?", paid))
        .containsEntry("status", "PAID").containsEntry("program_title", "Film 81")
        .containsEntry("starts_at", Timestamp.from(startsAt));
    assertThat(count("SELECT COUNT(*) FROM t_notification WHERE order_no = ? AND kind = 'ORDER_CONFIRMED'", paid))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT status FROM t_notify_order WHERE order_no = ?", String.class, cancelled))
        .isEqualTo("CANCELLED");
    assertThat(jdbc.queryForMap("SELECT status, program_title FROM t_notify_order WHERE order_no = ?", after))
        .containsEntry("status", "PENDING_PAYMENT").containsEntry("program_title", null);
  }

  /**
   * A poll of the order topic with records that cannot be read (no body, not JSON, a time that does not parse) skips
   * those alone: the events around them apply, in order, an order created in the same poll is known to the
   * cancellation that follows it.
   */
  @Test
  void unreadableOrderEventsAreSkippedAloneAndTheRestOfThePollApplies() throws Exception {
    long user = randomId();
    long showtime = randomId();
    long garbled = randomId();
    long created = randomId();
    long paid = randomId();
    String key = Long.toString(created);
    Instant startsAt = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.MILLIS);
    kafka.send(Topics.ORDER_EVENTS, key, null).get();
    kafka.send(Topics.ORDER_EVENTS, key, "not an event").get();
    String unparsableStart = json.writeValueAsString(envelope("OrderCreated", garbled,
        new OrderEvents.OrderCreated(garbled, user, 3, showtime, 9, List.of(2L), new BigDecimal("35.00"), "CNY",
            clock.instant().plus(Duration.ofMinutes(15)), "Film 91", startsAt)))
        .replace(startsAt.toString(), "the twelfth");
    assertThat(unparsableStart).contains("the twelfth");
    kafka.send(Topics.ORDER_EVENTS, key, unparsableStart).get();
    publishOrderEvent(key, envelope("OrderCreated", created, new OrderEvents.OrderCreated(created, user, 3, showtime,
        9, List.of(1L), new BigDecimal("35.00"), "CNY", clock.instant().plus(Duration.ofMinutes(15)), "Film 91",
        startsAt)));
    publishOrderEvent(key, envelope("OrderCancelled", created, new OrderEvents.OrderCancelled(created, user,
        showtime, List.of(1L), "SHOWTIME_CANCELLED")));
    paidLast(key, paid, user, showtime + 1, "Film 92", startsAt);

    assertThat(count("SELECT COUNT(*) FROM t_notification WHERE order_no = ? AND kind = 'ORDER_CONFIRMED'", paid))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT status FROM t_notify_order WHERE order_no = ?", String.class, created))
        .isEqualTo("CANCELLED");
    assertThat(jdbc.queryForObject("SELECT body FROM t_notification WHERE order_no = ? AND kind = 'SHOWTIME_CANCELLED'",
        String.class, created)).contains("Film 91");
    assertThat(count("SELECT COUNT(*) FROM t_notify_order WHERE order_no = ?", garbled)).isZero();
  }

  /**
   * A run of {@code OrderCreated} whose insert the schema refuses (a film title longer than its column) is written
   * one by one: the orders before the bad one are kept, the bad one alone is skipped, and the rest of the poll
   * applies after it.
   */
  @Test
  void aRowTheSchemaRefusesInARunOfOrderCreatedIsSkippedAloneAndTheRunKept() throws Exception {
    long user = randomId();
    long before = randomId();
    long refused = randomId();
    long after = randomId();
    long paid = randomId();
    String key = Long.toString(before);
    Instant expires = clock.instant().plus(Duration.ofMinutes(15));
    for (long orderNo : List.of(before, refused, after)) {
      publishOrderEvent(key, envelope("OrderCreated", orderNo, new OrderEvents.OrderCreated(orderNo, user, 3, 95, 9,
          List.of(1L), new BigDecimal("35.00"), "CNY", expires, orderNo == refused ? "F".repeat(250) : "Film 95",
          null)));
    }
    paidLast(key, paid, user, 95, "Film 95", null);

    assertThat(count("SELECT COUNT(*) FROM t_notify_order WHERE order_no IN (?, ?) AND status = 'PENDING_PAYMENT'"
        + " AND program_title = 'Film 95'", before, after)).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM t_notify_order WHERE order_no = ?", refused)).isZero();
  }

  @Test
  void aCancelledShowtimeIsToldOnceToEachBuyerAndAMovedOneNamesTheNewTime() throws Exception {
    long showtime = randomId();
    long buyer = randomId();
    long other = randomId();
    long buyerOrder = randomId();
    long otherOrder = randomId();
    contact(buyer, "cancelled-" + buyer + "@example.com", null);
    contact(other, "cancelled-" + other + "@example.com", null);
    order(buyerOrder, buyer, showtime, Instant.now().plus(Duration.ofDays(20)));
    order(otherOrder, other, showtime, Instant.now().plus(Duration.ofDays(20)));
    await(() -> count("SELECT COUNT(*) FROM t_notify_order WHERE showtime_id = ? AND status = 'PAID'", showtime)
        == 2, Duration.ofSeconds(30));

    Instant moved = Instant.now().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.MILLIS);
    publish(Topics.PROGRAM_EVENTS, envelope("ShowtimeChanged", 5, new ProgramEvents.ShowtimeChanged(5, showtime,
        "ON_SALE", moved)));
    await(() -> count("SELECT COUNT(*) FROM t_notification WHERE order_no IN (?, ?) AND kind = 'SHOWTIME_MOVED'",
        buyerOrder, otherOrder) == 2, Duration.ofSeconds(30));

    publish(Topics.PROGRAM_EVENTS, envelope("ShowtimeChanged", 5, new ProgramEvents.ShowtimeChanged(5, showtime,
        "CANCELLED", moved)));
    // the order service refunds only after it has seen the cancellation; here the refund event follows the notify
    // service's own reading of it (two topics: their order is not Kafka's to keep)
    await(() -> count("SELECT COUNT(*) FROM t_notify_showtime WHERE showtime_id = ? AND cancelled_at IS NOT NULL",
        showtime) == 1, Duration.ofSeconds(30));
    // then the refund: no second notice for the same cancellation
    publish(Topics.ORDER_EVENTS, envelope("OrderRefunded", buyerOrder, new OrderEvents.OrderRefunded(buyerOrder,
        buyer, 5, showtime, List.of(1L), new BigDecimal("45.00"), "CNY")));
    await(() -> count("SELECT COUNT(*) FROM t_notify_order WHERE order_no = ? AND status = 'REFUNDED'", buyerOrder)
        == 1, Duration.ofSeconds(30));
    assertThat(count("SELECT COUNT(*) FROM t_notification WHERE user_id = ? AND kind = 'SHOWTIME_CANCELLED'", buyer))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM t_notification WHERE user_id = ? AND kind = 'REFUND_COMPLETED'", buyer))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM t_notification WHERE user_id = ? AND kind = 'SHOWTIME_CANCELLED'", other))
        .isEqualTo(1);
    MimeMessage told = awaitMail("cancelled-" + buyer + "@example.com", "cancelled");
    assertThat(told.getSubject()).startsWith("Film " + showtime + " on").endsWith("is cancelled");
  }

  @Test
  void aUserWithoutEmailSeesTheInboxPagedNewestFirstAndMarksOneRead() throws Exception {
    long user = randomId();
    contact(user, null, "phone user");
    List<Long> orders = List.of(randomId(), randomId(), randomId());
    for (long orderNo : orders) {
      order(orderNo, user, 81, Instant.now().plus(Duration.ofDays(20)));
    }
    await(() -> count("SELECT COUNT(*) FROM t_delivery WHERE user_id = ? AND status = 'SKIPPED'", user) == 3,
        Duration.ofSeconds(30));

    assertThat(http.get().uri("/api/notifications").retrieve().toEntity(String.class).getStatusCode().value())
        .isEqualTo(401);
    JsonNode first = inbox(user, "size=2");
    assertThat(first.path("items")).hasSize(2);
    String cursor = first.path("nextCursor").asText();
    JsonNode second = inbox(user, "size=2&cursor=" + cursor);
    assertThat(second.path("items")).hasSize(1);
    assertThat(second.path("nextCursor").isNull()).isTrue();
    List<Long> shown = new ArrayList<>();
    first.path("items").forEach(i -> shown.add(Long.parseLong(i.path("id").asText())));
    second.path("items").forEach(i -> shown.add(Long.parseLong(i.path("id").asText())));
    assertThat(shown).isSortedAccordingTo((a, b) -> Long.compare(b, a));

    String id = first.path("items").get(0).path("id").asText();
    ResponseEntity<String> read = http.post().uri("/api/notifications/" + id + "/read")
        .header("X-User-Id", Long.toString(user)).retrieve().toEntity(String.class);
    assertThat(read.getStatusCode().value()).isEqualTo(204);
    assertThat(inbox(user, "size=1").path("items").get(0).path("readAt").isNull()).isFalse();
    ResponseEntity<String> notMine = http.post().uri("/api/notifications/" + id + "/read")
        .header("X-User-Id", Long.toString(randomId())).retrieve().toEntity(String.class);
    assertThat(notMine.getStatusCode().value()).isEqualTo(404);
    assertThat(inbox(user, "cursor=garbage").path("code").asText()).isEqualTo("BAD_CURSOR");
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** A paid order with one ticket, its code served by the order service stub. */
  private void order(long orderNo, long user, long showtime, Instant startsAt) throws Exception {
    tickets(orderNo, user, "Film " + showtime, List.of("C-1"), List.of("T1.order-" + orderNo));
    publish(Topics.ORDER_EVENTS, envelope("OrderPaid", orderNo, new OrderEvents.OrderPaid(orderNo, user, 5,
        showtime, 9, List.of(1L), new BigDecimal("45.00"), "CNY", Instant.now(), "Film " + showtime, startsAt)));
  }

  private int reminderCount(long orderNo) {
    return count("SELECT COUNT(*) FROM t_notification WHERE order_no = ? AND kind = 'SHOW_REMINDER'", orderNo);
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  private JsonNode inbox(long user, String query) {
    return json.readTree(http.get().uri("/api/notifications" + (query == null ? "" : "?" + query))
        .header("X-User-Id", Long.toString(user)).retrieve().toEntity(String.class).getBody());
  }

  private ResponseEntity<String> admin(String method, String path, String role) {
    return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).header("X-User-Id", "1")
        .header("X-User-Roles", role).retrieve().toEntity(String.class);
  }

  private EventEnvelope<Object> envelope(String type, long aggregate, Object payload) {
    return EventEnvelope.of(type, Instant.now(), Long.toString(aggregate), payload);
  }

  private void publish(String topic, EventEnvelope<Object> envelope) throws Exception {
    kafka.send(topic, envelope.aggregateId(), json.writeValueAsString(envelope)).get();
  }

  /** On the order topic under {@code key}: the events of one key are read in the order they were sent. */
  private void publishOrderEvent(String key, EventEnvelope<Object> envelope) throws Exception {
    kafka.send(Topics.ORDER_EVENTS, key, json.writeValueAsString(envelope)).get();
  }

  /**
   * Ends a poll a test wants read: an {@code OrderPaid} under the same {@code key}, after the events before it, and
   * waits until notify has applied it, so every event sent before it on that key has been read.
   */
  private void paidLast(String key, long paid, long user, long showtime, String title, Instant startsAt)
      throws Exception {
    tickets(paid, user, title, List.of("P-1"), List.of("T1.last-" + paid));
    publishOrderEvent(key, envelope("OrderPaid", paid, new OrderEvents.OrderPaid(paid, user, 3, showtime, 9,
        List.of(1L), new BigDecimal("35.00"), "CNY", Instant.now(), title, startsAt)));
    await(() -> count("SELECT COUNT(*) FROM t_notify_order WHERE order_no = ? AND status = 'PAID'", paid) == 1,
        Duration.ofSeconds(30));
  }

  private static void contact(long user, String email, String name) {
    CONTACTS_JSON.put(user, "{\"userId\":" + user + ",\"email\":" + quoted(email) + ",\"displayName\":"
        + quoted(name) + "}");
  }

  private static void tickets(long orderNo, long user, String title, List<String> seats, List<String> codes) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < seats.size(); i++) {
      lines.append(i == 0 ? "" : ",").append("{\"ticketId\":").append(orderNo * 10 + i).append(",\"seatLabel\":")
          .append(quoted(seats.get(i))).append(",\"code\":").append(quoted(codes.get(i))).append('}');
    }
    TICKETS_JSON.put(orderNo, "{\"orderNo\":" + orderNo + ",\"userId\":" + user + ",\"showtimeId\":8,"
        + "\"cinemaId\":9,\"programTitle\":" + quoted(title) + ",\"startsAt\":\""
        + Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS) + "\",\"amount\":90.00,"
        + "\"currency\":\"CNY\",\"tickets\":[" + lines + "]}");
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text.replace("\"", "\\\"") + "\"";
  }

  private static MimeMessage awaitMail(String address) throws InterruptedException {
    return awaitMail(address, "");
  }

  private static MimeMessage awaitMail(String address, String subjectPart) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      for (MimeMessage m : smtp.getReceivedMessagesForDomain(address)) {
        if (subject(m).contains(subjectPart)) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + address + " with '" + subjectPart + "' in its subject");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (System.currentTimeMillis() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as("condition within " + timeout).isTrue();
  }

  private static void flatten(Part part, List<Part> into) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        flatten(child, into);
      }
    } else {
      into.add(part);
    }
  }

  private static boolean isType(Part part, String type) {
    try {
      return part.isMimeType(type);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String content(Part part) {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String contentId(Part part) {
    try {
      String[] ids = part.getHeader("Content-ID");
      return ids[0].replace("<", "").replace(">", "");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decodeQr(BufferedImage image) throws Exception {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new QRCodeReader().decode(bitmap).getText();
  }

  private static long randomId() {
    return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000_000L);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  /** The order service's GET /internal/orders/{no}/tickets and the user service's GET /internal/users/{id}/contact. */
  private static HttpServer stubPlatform() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      Pattern ticketsPath = Pattern.compile("/internal/orders/(\\d+)/tickets");
      Pattern contactPath = Pattern.compile("/internal/users/(\\d+)/contact");
      server.createContext("/internal/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        Matcher tickets = ticketsPath.matcher(path);
        Matcher contact = contactPath.matcher(path);
        String body = null;
        if (tickets.matches()) {
          body = TICKETS_JSON.get(Long.parseLong(tickets.group(1)));
        } else if (contact.matches()) {
          body = CONTACTS_JSON.get(Long.parseLong(contact.group(1)));
        }
        byte[] bytes = (body == null ? "{\"status\":404,\"code\":\"NOT_FOUND\"}" : body)
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body == null ? "application/problem+json"
            : "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
