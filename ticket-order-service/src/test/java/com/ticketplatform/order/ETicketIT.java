package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * E-tickets from payment to the door, on the real shards, Redis and Kafka: codes only for a PAID order, the QR code
 * decodes back to the code, the first of simultaneous scans wins, a used ticket is never refunded, a refund revokes
 * the codes at once and in the offline pack, an offline gate's sync keeps the earliest admission and reports the
 * double one, and forged, foreign, early codes are refused with their reason.
 */
class ETicketIT extends OrderServiceITBase {

  static final long CINEMA = 42;
  static final String DOOR = "DOOR:" + CINEMA;

  /** A paid order of two seats for a showtime starting within the hour at cinema 42: its number and its buyer. */
  record Paid(long orderNo, long user, ShowtimeSaleInfo show) {}

  Paid paidOrder(Instant startsAt) throws Exception {
    ShowtimeSaleInfo show = programs.onSale(10, startsAt, CINEMA);
    initInventory(show.showtimeId(), 10);
    long user = randomUser();
    long orderNo = place(user, show, 3L, 4L);
    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal("130.00"), "CNY",
        Instant.now()), orderNo);
    await("order paid", () -> "PAID".equals(status(user, orderNo)));
    return new Paid(orderNo, user, show);
  }

  Paid paidOrder() throws Exception {
    return paidOrder(clock.instant().plus(Duration.ofMinutes(40)));
  }

  List<JsonNode> tickets(Paid paid) {
    Response r = call("GET", "/api/orders/" + paid.orderNo() + "/tickets", paid.user(), null, null);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    List<JsonNode> all = new ArrayList<>();
    r.body().forEach(all::add);
    return all;
  }

  /** A call as door staff (or anyone with the given roles). */
  Response asStaff(String roles, String method, String path, Object body) {
    return call(method, path, 777L, roles, null, body);
  }

  Response scan(String code, String gate) {
    return asStaff(DOOR, "POST", "/api/checkin/scans", Map.of("code", code, "gate", gate));
  }

  String outcome(Response r) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body().path("outcome").asText();
  }

  @Test
  void aPaidOrderHasOneCodePerSeatAndItsQrCodeDecodesToIt() throws Exception {
    Paid paid = paidOrder();
    List<JsonNode> tickets = tickets(paid);
    assertThat(tickets).hasSize(2);
    assertThat(tickets).extracting(t -> t.path("seatLabel").asText()).doesNotContain("");
    JsonNode first = tickets.get(0);
    assertThat(first.path("ticketId").isTextual()).as("ids are strings").isTrue();
    String code = first.path("code").asText();
    assertThat(code).startsWith("T1.").hasSizeLessThan(400);

    HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/orders/" + paid.orderNo() + "/tickets/" + first.path("ticketId").asText() + "/qr.png"))
        .header("X-User-Id", Long.toString(paid.user())).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    var image = ImageIO.read(new ByteArrayInputStream(png.body()));
    String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(image)))).getText();
    assertThat(decoded).isEqualTo(code);

    Response someoneElse = call("GET", "/api/orders/" + paid.orderNo() + "/tickets", paid.user() + 1, null, null);
    assertThat(someoneElse.status()).isEqualTo(404);
  }

  /** What the notify service mails (OrderClient.tickets): the same codes, with the film, start and amount. */
  @Test
  void thePlatformsOwnServicesGetAPaidOrdersCodesWithWhatAConfirmationShows() throws Exception {
    Instant startsAt = clock.instant().plus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS);
    Paid paid = paidOrder(startsAt);
    Response internal = call("GET", "/internal/orders/" + paid.orderNo() + "/tickets", null, null, null);
    assertThat(internal.status()).as(String.valueOf(internal.body())).isEqualTo(200);
    JsonNode order = internal.body();
    assertThat(order.path("userId").asText()).isEqualTo(Long.toString(paid.user()));
    assertThat(order.path("programTitle").asText()).isNotBlank();
    assertThat(Instant.parse(order.path("startsAt").asText())).isEqualTo(startsAt);
    assertThat(new BigDecimal(order.path("amount").asText())).isEqualByComparingTo("130.00");
    List<String> internalCodes = new ArrayList<>();
    order.path("tickets").forEach(t -> internalCodes.add(t.path("code").asText()));
    List<String> buyerCodes = new ArrayList<>();
    tickets(paid).forEach(t -> buyerCodes.add(t.path("code").asText()));
    assertThat(internalCodes).hasSize(2).isEqualTo(buyerCodes);

    Response missing = call("GET", "/internal/orders/" + (paid.orderNo() + 1) + "/tickets", null, null, null);
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void anUnpaidOrderHasNoCodes() {
    ShowtimeSaleInfo show = programs.onSale(10, clock.instant().plus(Duration.ofMinutes(40)), CINEMA);
    initInventory(show.showtimeId(), 10);
    long user = randomUser();
    long orderNo = place(user, show, 1L);
    Response r = call("GET", "/api/orders/" + orderNo + "/tickets", user, null, null);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body().path("code").asText()).isEqualTo("TICKETS_NOT_ISSUED");
  }

  @Test
  void ofSimultaneousScansOfOneTicketExactlyOneAdmits() throws Exception {
    Paid paid = paidOrder();
    String code = tickets(paid).get(0).path("code").asText();
    ExecutorService gates = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> scans = new ArrayList<>();
      for (int g = 0; g < 8; g++) {
        String gate = "gate-" + g;
        scans.add(() -> outcome(scan(code, gate)));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : gates.invokeAll(scans)) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn("ADMITTED"::equals).hasSize(1);
      assertThat(outcomes).filteredOn("ALREADY_USED"::equals).hasSize(7);
    } finally {
      gates.shutdownNow();
    }
    Response again = scan(code, "gate-x");
    assertThat(outcome(again)).isEqualTo("ALREADY_USED");
    assertThat(again.body().path("usedGate").asText()).startsWith("gate-");
    assertThat(again.body().path("usedAt").isMissingNode()).isFalse();
  }

  @Test
  void aUsedTicketIsNeverRefunded() throws Exception {
    Paid paid = paidOrder();
    assertThat(outcome(scan(tickets(paid).get(1).path("code").asText(), "main"))).isEqualTo("ADMITTED");

    Response refund = call("POST", "/api/orders/" + paid.orderNo() + "/refund", paid.user(), null, null);

    assertThat(refund.status()).isEqualTo(422);
    assertThat(refund.body().path("code").asText()).isEqualTo("ORDER_NOT_REFUNDABLE");
    assertThat(status(paid.user(), paid.orderNo())).isEqualTo("PAID");
    assertThat(pay.refunds).doesNotContainKey(paid.orderNo());
  }

  @Test
  void aRefundRevokesTheCodesAtOnceAndInTheOfflinePack() throws Exception {
    Paid paid = paidOrder();
    List<JsonNode> tickets = tickets(paid);
    String code = tickets.get(0).path("code").asText();

    assertThat(call("POST", "/api/orders/" + paid.orderNo() + "/refund", paid.user(), null, null).status())
        .isEqualTo(200);

    assertThat(outcome(scan(code, "main"))).isEqualTo("REFUNDED");
    Response pack = asStaff(DOOR, "GET", "/api/checkin/showtimes/" + paid.show().showtimeId() + "/pack", null);
    assertThat(pack.status()).isEqualTo(200);
    List<String> revoked = new ArrayList<>();
    pack.body().path("revokedTicketIds").forEach(id -> revoked.add(id.asText()));
    assertThat(revoked).containsExactlyInAnyOrder(tickets.get(0).path("ticketId").asText(),
        tickets.get(1).path("ticketId").asText());
    assertThat(pack.body().path("keys").get(0).path("algorithm").asText()).isEqualTo("Ed25519");

    // a gate that was offline let the holder in before it heard of the refund: the sync says so
    Response sync = asStaff(DOOR, "POST", "/api/checkin/showtimes/" + paid.show().showtimeId() + "/sync",
        Map.of("gate", "east", "scans", List.of(Map.of("code", code, "scannedAt", clock.instant().toString()))));
    assertThat(sync.status()).isEqualTo(200);
    assertThat(sync.body().path("admittedThoughRevoked")).hasSize(1);
    assertThat(sync.body().path("admittedThoughRevoked").get(0).path("outcome").asText()).isEqualTo("REFUNDED");
  }

  @Test
  void anOfflineSyncKeepsTheEarliestAdmissionAndReportsTheDoubleOne() throws Exception {
    Paid paid = paidOrder();
    List<JsonNode> tickets = tickets(paid);
    String first = tickets.get(0).path("code").asText();
    String second = tickets.get(1).path("code").asText();
    Instant now = clock.instant();
    assertThat(outcome(scan(first, "north"))).isEqualTo("ADMITTED");

    // the south gate was offline: it let the first ticket in a minute earlier and the second one too
    Response sync = asStaff(DOOR, "POST", "/api/checkin/showtimes/" + paid.show().showtimeId() + "/sync",
        Map.of("gate", "south", "scans", List.of(
            Map.of("code", first, "scannedAt", now.minus(Duration.ofMinutes(1)).toString()),
            Map.of("code", second, "scannedAt", now.minus(Duration.ofSeconds(30)).toString()))));

    assertThat(sync.status()).as(String.valueOf(sync.body())).isEqualTo(200);
    assertThat(sync.body().path("results").get(0).path("outcome").asText()).isEqualTo("ADMITTED");
    assertThat(sync.body().path("results").get(1).path("outcome").asText()).isEqualTo("ADMITTED");
    JsonNode twice = sync.body().path("admittedTwice");
    assertThat(twice).hasSize(1);
    assertThat(twice.get(0).path("ticketId").asText()).isEqualTo(tickets.get(0).path("ticketId").asText());
    assertThat(twice.get(0).path("firstGate").asText()).isEqualTo("south");
    assertThat(twice.get(0).path("laterGate").asText()).isEqualTo("north");
    Response again = scan(first, "north");
    assertThat(again.body().path("usedGate").asText()).as("the earliest admission is kept").isEqualTo("south");

    // the south gate never got the answer and syncs the same admissions again: nothing new is reported
    Response retried = asStaff(DOOR, "POST", "/api/checkin/showtimes/" + paid.show().showtimeId() + "/sync",
        Map.of("gate", "south", "scans", List.of(
            Map.of("code", first, "scannedAt", now.minus(Duration.ofMinutes(1)).toString()),
            Map.of("code", second, "scannedAt", now.minus(Duration.ofSeconds(30)).toString()))));
    assertThat(retried.body().path("results").get(0).path("outcome").asText()).isEqualTo("ADMITTED");
    assertThat(retried.body().path("results").get(1).path("outcome").asText()).isEqualTo("ADMITTED");
    assertThat(retried.body().path("admittedTwice")).isEmpty();
  }

  @Test
  void forgedForeignEarlyAndWrongShowtimeCodesAreRefusedWithTheirReason() throws Exception {
    Paid paid = paidOrder();
    String code = tickets(paid).get(0).path("code").asText();
    String[] parts = code.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    payload[payload.length - 2] ^= 1; // another seat (the last letter of its label), the same signature
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];

    assertThat(outcome(scan(forged, "main"))).isEqualTo("INVALID");
    assertThat(outcome(scan("not a ticket", "main"))).isEqualTo("INVALID");
    assertThat(outcome(asStaff("DOOR:43", "POST", "/api/checkin/scans", Map.of("code", code, "gate", "main"))))
        .isEqualTo("WRONG_CINEMA");
    assertThat(outcome(asStaff(DOOR, "POST", "/api/checkin/scans", Map.of("code", code, "gate", "main",
        "showtimeId", Long.toString(paid.show().showtimeId() + 1000))))).isEqualTo("WRONG_SHOWTIME");
    assertThat(asStaff("CUSTOMER", "POST", "/api/checkin/scans", Map.of("code", code, "gate", "main")).status())
        .isEqualTo(403);

    Paid tomorrow = paidOrder(clock.instant().plus(Duration.ofDays(1)));
    assertThat(outcome(scan(tickets(tomorrow).get(0).path("code").asText(), "main"))).isEqualTo("TOO_EARLY");
    // nothing of the refused scans admitted anyone
    assertThat(outcome(scan(code, "main"))).isEqualTo("ADMITTED");
  }
}
