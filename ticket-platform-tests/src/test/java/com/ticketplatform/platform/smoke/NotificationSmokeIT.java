package com.ticketplatform.platform.smoke;

import static com.ticketplatform.platform.smoke.PurchaseSteps.anonymousPost;
import static com.ticketplatform.platform.smoke.PurchaseSteps.availableSeats;
import static com.ticketplatform.platform.smoke.PurchaseSteps.awaitOrderStatus;
import static com.ticketplatform.platform.smoke.PurchaseSteps.login;
import static com.ticketplatform.platform.smoke.PurchaseSteps.payAtProvider;
import static com.ticketplatform.platform.smoke.PurchaseSteps.placeOrder;
import static com.ticketplatform.platform.smoke.PurchaseSteps.send;
import static com.ticketplatform.platform.smoke.PurchaseSteps.upcomingOnSaleShowtime;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.platform.smoke.PurchaseSteps.Customer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The notify service on the running platform (docs/ARCHITECTURE.md §14): a purchase paid at the provider sandbox ends
 * with a confirmation in the buyer's real mailbox (the local SMTP server) and in the buyer's in-app inbox.
 */
class NotificationSmokeIT {

  private static final String PASSWORD = "Mailbox2026pw";

  static String mailApiUrl() {
    return LocalPlatform.setting("ticket.mail.api.url", "TICKET_MAIL_API_URL", "http://127.0.0.1:8025");
  }

  @Test
  void aPaidOrderIsConfirmedByMailWithTheTicketsAttachedAndInTheInbox() throws Exception {
    String address = "mail-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    HttpResponse<String> registered = anonymousPost("/api/users/register",
        "{\"loginName\":\"" + address + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Mail Buyer\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    Customer buyer = login(address, PASSWORD);

    long showtimeId = upcomingOnSaleShowtime();
    List<PurchaseSteps.Seat> free = availableSeats(showtimeId);
    assertThat(free).as("available seats in showtime %s", showtimeId).isNotEmpty();
    String orderNo = placeOrder(buyer, showtimeId, List.of(free.get(free.size() - 1).seatId()), Map.of());
    payAtProvider(buyer, orderNo);
    assertThat(awaitOrderStatus(buyer, orderNo, "PAID", Duration.ofSeconds(45))).isEqualTo("PAID");

    // the confirmation is the mail with the e-tickets as a PDF; a showtime starting within the reminder lead (3 h)
    // may also bring its reminder, in any order
    JsonNode mail = awaitMail(address, Duration.ofSeconds(60));
    String raw = mail.toString();
    assertThat(raw).as("the confirmation names the order").contains(orderNo);
    assertThat(raw).as("the e-tickets ride along as a PDF").contains("application/pdf");

    JsonNode inbox = awaitInboxEntry(buyer, orderNo, "ORDER_CONFIRMED", Duration.ofSeconds(30));
    assertThat(inbox.path("kind").asText()).isEqualTo("ORDER_CONFIRMED");
    assertThat(inbox.path("readAt").isNull() || inbox.path("readAt").isMissingNode()).as("unread").isTrue();

    HttpResponse<String> read = send(buyer, "POST", "/api/notifications/" + inbox.path("id").asText() + "/read", "",
        null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(204);
    assertThat(awaitInboxEntry(buyer, orderNo, "ORDER_CONFIRMED", Duration.ofSeconds(5)).path("readAt").asText())
        .isNotBlank();
  }

  @Test
  void anotherBuyerCannotMarkSomeoneElsesNotice() throws Exception {
    Customer stranger = PurchaseSteps.customer("stranger");
    HttpResponse<String> read = send(stranger, "POST", "/api/notifications/1/read", "", null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(404);
    assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  /** The first message with a PDF attached the local SMTP server holds for the address, as its HTTP API shows it. */
  private static JsonNode awaitMail(String address, Duration timeout) throws Exception {
    URI uri = URI.create(mailApiUrl() + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
        + "/messages/INBOX");
    Instant deadline = Instant.now().plus(timeout);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = PurchaseSteps.HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      last = response.body();
      if (response.statusCode() == 200) {
        JsonNode messages = LocalPlatform.JSON.readTree(last);
        for (JsonNode message : messages) {
          if (message.toString().contains("application/pdf")) {
            return message;
          }
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no mail with a PDF for " + address + " within " + timeout + "; last answer: " + last);
  }

  private static JsonNode awaitInboxEntry(Customer who, String orderNo, String kind, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> page = send(who, "GET", "/api/notifications", null, null);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      last = page.body();
      for (JsonNode item : LocalPlatform.JSON.readTree(last).path("items")) {
        if (orderNo.equals(item.path("orderNo").asText()) && kind.equals(item.path("kind").asText())) {
          return item;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no " + kind + " inbox entry for order " + orderNo + "; last page: " + last);
  }
}
