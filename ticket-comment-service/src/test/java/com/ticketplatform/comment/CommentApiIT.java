package com.ticketplatform.comment;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.comment.buyer.VerifiedBuyerMapper;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.OrderEvents;
import com.ticketplatform.common.event.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ticket.mysql.schema-suffix=_test",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "ticket.comment.banned-words=scam,rip off",
    "ticket.comment.posts-per-window=5",
    "ticket.comment.post-window=10m",
    "ticket.comment.posts-per-client=10",
    "ticket.comment.reports-per-client=3",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN",
    "ticket.comment.auto-hide-reports=2",
    "ticket.comment.feign-clients.enabled=false",
    "ticket.comment.banned-words-refresh=1s"})
@EmbeddedKafka(partitions = 1, topics = Topics.ORDER_EVENTS)
class CommentApiIT {

  @TestConfiguration
  static class Fakes {
    @Bean
    FakeOrderClient fakeOrderClient() {
      return new FakeOrderClient();
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  FakeOrderClient orders;
  @Autowired
  KafkaTemplate<String, String> kafka;
  @Autowired
  ObjectMapper json;
  @Autowired
  VerifiedBuyerMapper buyers;

  @Autowired
  DataSource dataSource;

  RestClient http;
  long programId;

  @BeforeEach
  void setUp() {
    http = client(randomAddress());
    programId = randomId();
    // the stored list outlives a run: every test starts from the configured words (the same list again is a no-op)
    assertThat(putBannedWords(List.of("scam", "rip off"), "ADMIN").getStatusCode().value()).isEqualTo(200);
  }

  /** A client at one made-up address (as the gateway would vouch for it), so per-address budgets never mix tests. */
  private RestClient client(String address) {
    // the JDK client: Apache HttpClient 5 (also on the classpath) would silently retry a 429 after its Retry-After
    return RestClient.builder().baseUrl("http://127.0.0.1:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultHeader("X-Forwarded-For", address)
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
  }

  private static String randomAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  // ---- verified buyers ----

  @Test
  void onlyABuyerKnownFromOrderPaidMayRateAndARefundStopsNewRatings() throws Exception {
    long buyer = randomId();
    long stranger = randomId();
    long orderNo = randomId();

    ResponseEntity<JsonNode> denied = rate(stranger, programId, 5, "great film", null);
    assertThat(denied.getStatusCode().value()).isEqualTo(403);
    assertThat(denied.getBody().path("code").asText()).isEqualTo("NOT_A_BUYER");

    publish("OrderPaid", orderNo, new OrderEvents.OrderPaid(orderNo, buyer, programId, 11, 12, List.of(1L),
        new BigDecimal("45.00"), "CNY", Instant.now()));
    awaitStatuses(buyer, programId, List.of("PAID"));
    int callsBefore = orders.calls.get();
    ResponseEntity<JsonNode> rated = rate(buyer, programId, 4, "great film", null);
    assertThat(rated.getStatusCode().value()).isEqualTo(201);
    assertThat(rated.getBody().path("rating").asInt()).isEqualTo(4);
    assertThat(orders.calls.get()).as("the table answered, no remote call").isEqualTo(callsBefore);

    // the same user's paid order of another program, then refunded: no new rating there
    long otherProgram = randomId();
    long refundedOrder = randomId();
    publish("OrderPaid", refundedOrder, new OrderEvents.OrderPaid(refundedOrder, buyer, otherProgram, 11, 12,
        List.of(2L), new BigDecimal("45.00"), "CNY", Instant.now()));
    publish("OrderRefunded", refundedOrder, new OrderEvents.OrderRefunded(refundedOrder, buyer, otherProgram, 11,
        List.of(2L), new BigDecimal("45.00"), "CNY"));
    awaitStatuses(buyer, otherProgram, List.of("REFUNDED"));
    orders.purchased(buyer, otherProgram); // a stale remote answer must not override what the events said
    ResponseEntity<JsonNode> afterRefund = rate(buyer, otherProgram, 5, "ok", null);
    assertThat(afterRefund.getStatusCode().value()).isEqualTo(403);
    assertThat(afterRefund.getBody().path("code").asText()).isEqualTo("NOT_A_BUYER");
  }

  @Test
  void redeliveredEventIsAppliedOnce() throws Exception {
    long buyer = randomId();
    long orderNo = randomId();
    EventEnvelope<Object> paid = EventEnvelope.of("OrderPaid", Instant.now(), Long.toString(orderNo),
        new OrderEvents.OrderPaid(orderNo, buyer, programId, 1, 1, List.of(1L), BigDecimal.TEN, "CNY", Instant.now()));
    EventEnvelope<Object> refunded = EventEnvelope.of("OrderRefunded", Instant.now(), Long.toString(orderNo),
        new OrderEvents.OrderRefunded(orderNo, buyer, programId, 1, List.of(1L), BigDecimal.TEN, "CNY"));
    send(paid);
    send(refunded);
    awaitStatuses(buyer, programId, List.of("REFUNDED"));
    send(paid); // redelivery of an old event must not resurrect the order
    long marker = randomId();
    long markerOrder = randomId();
    publish("OrderPaid", markerOrder, new OrderEvents.OrderPaid(markerOrder, marker, programId, 1, 1, List.of(1L),
        BigDecimal.TEN, "CNY", Instant.now()));
    awaitStatuses(marker, programId, List.of("PAID"));
    assertThat(buyers.statuses(buyer, programId)).containsExactly("REFUNDED");
  }

  @Test
  void unknownToTheTableFallsBackToTheOrderService() {
    long user = randomId();
    orders.purchased(user, programId);
    assertThat(rate(user, programId, 5, "fine", null).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void whenNeitherSourceCanAnswerTheRatingIsRefusedWith503() {
    orders.failingPrograms.add(programId);
    ResponseEntity<JsonNode> response = rate(randomId(), programId, 5, "great", null);
    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getBody().path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(summary().path("count").asLong()).isZero();
  }

  @Test
  void writesNeedACaller() {
    ResponseEntity<JsonNode> response = http.post().uri("/api/programs/{p}/comments", programId)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("rating", 5, "text", "x"))
        .retrieve().toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody().path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  // ---- rating rules ----

  @Test
  void oneRatingPerUserAndTheAuthorEditsIt() {
    long user = buyer();
    ResponseEntity<JsonNode> first = rate(user, programId, 3, "so-so", null);
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> second = rate(user, programId, 5, "changed my mind", null);
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody().path("code").asText()).isEqualTo("ALREADY_RATED");

    long commentId = first.getBody().path("id").asLong();
    ResponseEntity<JsonNode> notMine = edit(randomId(), commentId, 1, "hijack");
    assertThat(notMine.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> edited = edit(user, commentId, 5, "changed my mind");
    assertThat(edited.getStatusCode().value()).isEqualTo(200);
    assertThat(edited.getBody().path("rating").asInt()).isEqualTo(5);
    assertThat(edited.getBody().path("edited").asBoolean()).isTrue();
  }

  @Test
  void validationAndBannedWords() {
    long user = buyer();
    ResponseEntity<JsonNode> banned = rate(user, programId, 1, "This cinema is a SCAM.", null);
    assertThat(banned.getStatusCode().value()).isEqualTo(422);
    assertThat(banned.getBody().path("code").asText()).isEqualTo("BANNED_WORDS");
    assertThat(rate(user, programId, 1, "total rip  off", null).getStatusCode().value()).isEqualTo(422);
    assertThat(rate(user, programId, 6, "too many stars", null).getStatusCode().value()).isEqualTo(400);
    assertThat(rate(user, programId, 0, "too few", null).getStatusCode().value()).isEqualTo(400);
    assertThat(rate(user, programId, 3, "x".repeat(2001), null).getStatusCode().value()).isEqualTo(400);
    // nothing above was stored: the user can still rate, and words merely containing a banned one pass
    assertThat(rate(user, programId, 3, "scammers aside, a classic", null).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void idempotencyKeyReplaysTheFirstOutcome() {
    long user = buyer();
    String key = "k-" + randomId();
    ResponseEntity<JsonNode> first = rate(user, programId, 4, "nice", key);
    ResponseEntity<JsonNode> again = rate(user, programId, 4, "nice", key);
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getBody().path("id").asLong()).isEqualTo(first.getBody().path("id").asLong());
    ResponseEntity<JsonNode> reused = rate(user, programId, 2, "different", key);
    assertThat(reused.getStatusCode().value()).isEqualTo(422);
    assertThat(reused.getBody().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  // ---- lists ----

  @Test
  void cursorPagingEdges() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(rate(buyer(), programId, 1 + i, "review " + i, null).getBody().path("id").asLong());
    }
    JsonNode page1 = list("?size=2").getBody();
    assertThat(page1.path("items")).hasSize(2);
    assertThat(page1.path("items").get(0).path("id").asLong()).isEqualTo(ids.get(3));
    String cursor = page1.path("nextCursor").asText();
    assertThat(cursor).isNotEmpty();
    JsonNode page2 = list("?size=2&cursor=" + cursor).getBody();
    assertThat(page2.path("items")).hasSize(2);
    assertThat(page2.path("items").get(1).path("id").asLong()).isEqualTo(ids.get(0));
    assertThat(page2.path("nextCursor").isNull()).as("last page has no cursor").isTrue();

    assertThat(list("?size=101").getStatusCode().value()).isEqualTo(400);
    assertThat(list("?size=0").getStatusCode().value()).isEqualTo(400);
    ResponseEntity<JsonNode> bad = list("?cursor=not-a-cursor");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().path("code").asText()).isEqualTo("BAD_CURSOR");
    assertThat(list("?sort=liked&cursor=" + cursor).getStatusCode().value()).as("newest cursor on liked list")
        .isEqualTo(400);
    assertThat(list("?sort=loudest").getStatusCode().value()).isEqualTo(400);
    assertThat(list("").getBody().path("items")).hasSize(4);
  }

  @Test
  void likesAreIdempotentAndDriveTheLikedOrder() {
    long older = rate(buyer(), programId, 3, "first", null).getBody().path("id").asLong();
    long newer = rate(buyer(), programId, 4, "second", null).getBody().path("id").asLong();
    long fan = randomId();
    assertThat(like(HttpMethod.POST, fan, older).getBody().path("likeCount").asInt()).isEqualTo(1);
    ResponseEntity<JsonNode> twice = like(HttpMethod.POST, fan, older);
    assertThat(twice.getStatusCode().value()).isEqualTo(200);
    assertThat(twice.getBody().path("likeCount").asInt()).isEqualTo(1);

    JsonNode liked = list("?sort=liked&size=1").getBody();
    assertThat(liked.path("items").get(0).path("id").asLong()).isEqualTo(older);
    JsonNode next = list("?sort=liked&size=1&cursor=" + liked.path("nextCursor").asText()).getBody();
    assertThat(next.path("items").get(0).path("id").asLong()).isEqualTo(newer);
    assertThat(next.path("nextCursor").isNull()).isTrue();

    assertThat(like(HttpMethod.DELETE, fan, older).getBody().path("likeCount").asInt()).isZero();
    assertThat(like(HttpMethod.DELETE, fan, older).getBody().path("likeCount").asInt()).isZero();
    assertThat(list("?sort=liked").getBody().path("items").get(0).path("id").asLong()).isEqualTo(newer);
  }

  // ---- summary and moderation ----

  @Test
  void summaryStaysCorrectAfterEditHideAndRestore() {
    long five = rate(buyer(), programId, 5, "loved it", null).getBody().path("id").asLong();
    long threeUser = buyer();
    long three = rate(threeUser, programId, 3, "meh", null).getBody().path("id").asLong();
    JsonNode summary = summary();
    assertThat(summary.path("count").asLong()).isEqualTo(2);
    assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("4.0");

    edit(threeUser, three, 1, "worse on reflection");
    summary = summary();
    assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("3.0");
    assertThat(summary.path("histogram").path("1").asLong()).isEqualTo(1);
    assertThat(summary.path("histogram").path("3").asLong()).isZero();

    assertThat(admin("hide", five, "CUSTOMER").getStatusCode().value()).isEqualTo(403);
    assertThat(admin("hide", five, null).getStatusCode().value()).isEqualTo(403);
    assertThat(admin("hide", five, "CUSTOMER,ADMIN").getStatusCode().value()).isEqualTo(200);
    summary = summary();
    assertThat(summary.path("count").asLong()).isEqualTo(1);
    assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("1.0");
    assertThat(list("").getBody().path("items")).hasSize(1);
    assertThat(http.get().uri("/api/programs/{p}/comments/{c}", programId, five).retrieve()
        .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);

    assertThat(admin("restore", five, "ADMIN").getStatusCode().value()).isEqualTo(200);
    summary = summary();
    assertThat(summary.path("count").asLong()).isEqualTo(2);
    assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("3.0");
    assertThat(admin("restore", randomId(), "ADMIN").getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void repliesNeedNoPurchaseAndEnoughReportsHideAComment() {
    long commentId = rate(buyer(), programId, 4, "good", null).getBody().path("id").asLong();
    long replier = randomId();
    ResponseEntity<JsonNode> reply = http.post().uri("/api/programs/{p}/comments/{c}/replies", programId, commentId)
        .header("X-User-Id", Long.toString(replier)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("text", "agreed")).retrieve().toEntity(JsonNode.class);
    assertThat(reply.getStatusCode().value()).isEqualTo(201);
    assertThat(reply.getBody().path("parentId").asLong()).isEqualTo(commentId);
    assertThat(reply.getBody().path("rating").isNull()).isTrue();
    JsonNode replies = http.get().uri("/api/programs/{p}/comments/{c}/replies", programId, commentId)
        .retrieve().body(JsonNode.class);
    assertThat(replies.path("items")).hasSize(1);
    assertThat(list("").getBody().path("items").get(0).path("replyCount").asInt()).isEqualTo(1);

    assertThat(report(randomId(), commentId).getStatusCode().value()).isEqualTo(202);
    long reporter = randomId();
    assertThat(report(reporter, commentId).getStatusCode().value()).isEqualTo(202);
    // threshold is 2 distinct reporters in this test: the comment is now hidden for review
    assertThat(list("").getBody().path("items")).isEmpty();
    assertThat(summary().path("count").asLong()).isZero();
    JsonNode hiddenQueue = adminGet("/api/admin/comments?filter=hidden&size=100", "ADMIN").getBody();
    assertThat(StreamSupport.stream(hiddenQueue.path("items").spliterator(), false)
        .map(n -> n.path("id").asLong())).contains(commentId);
    assertThat(adminGet("/api/admin/comments?filter=hidden", "CUSTOMER").getStatusCode().value()).isEqualTo(403);
    assertThat(adminGet("/api/admin/comments?filter=everything", "ADMIN").getStatusCode().value()).isEqualTo(400);
  }

  private ResponseEntity<JsonNode> adminGet(String path, String roles) {
    return http.get().uri(path).header("X-User-Id", "1").header("X-User-Roles", roles).retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  void postingIsRateLimitedPerUser() {
    long commentId = rate(buyer(), programId, 4, "good", null).getBody().path("id").asLong();
    long chatty = randomId();
    for (int i = 0; i < 5; i++) {
      assertThat(replyAs(chatty, commentId, "reply " + i).getStatusCode().value()).isEqualTo(201);
    }
    ResponseEntity<JsonNode> limited = replyAs(chatty, commentId, "one too many");
    assertThat(limited.getStatusCode().value()).isEqualTo(429);
    assertThat(limited.getBody().path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(Long.parseLong(limited.getHeaders().getFirst("Retry-After"))).isBetween(1L, 600L);
    assertThat(replyAs(randomId(), commentId, "someone else").getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void throwawayAccountsAtOneAddressShareOnePostingBudget() {
    long commentId = rate(buyer(), programId, 4, "good", null).getBody().path("id").asLong();
    // the rating was this address's first post of 10; nine fresh accounts use up the rest
    for (int i = 0; i < 9; i++) {
      assertThat(replyAs(randomId(), commentId, "fresh account " + i).getStatusCode().value()).isEqualTo(201);
    }
    ResponseEntity<JsonNode> limited = replyAs(randomId(), commentId, "one more fresh account");
    assertThat(limited.getStatusCode().value()).isEqualTo(429);
    assertThat(limited.getBody().path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(limited.getHeaders().getFirst("Retry-After")).isNotNull();
    assertThat(list("").getBody().path("items").get(0).path("replyCount").asInt()).isEqualTo(9);

    http = client(randomAddress());
    assertThat(replyAs(randomId(), commentId, "from elsewhere").getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void throwawayAccountsAtOneAddressCannotReportCommentsAway() {
    List<Long> commentIds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      http = client(randomAddress());
      commentIds.add(rate(buyer(), programId, 4, "good " + i, null).getBody().path("id").asLong());
    }
    http = client(randomAddress());
    for (int i = 0; i < 3; i++) {
      assertThat(report(randomId(), commentIds.get(i)).getStatusCode().value()).isEqualTo(202);
    }
    ResponseEntity<JsonNode> limited = report(randomId(), commentIds.get(3));
    assertThat(limited.getStatusCode().value()).isEqualTo(429);
    assertThat(limited.getBody().path("code").asText()).isEqualTo("RATE_LIMITED");
    // the refused report was not recorded: one more report from elsewhere does not reach the hiding threshold of 2
    http = client(randomAddress());
    assertThat(report(randomId(), commentIds.get(3)).getStatusCode().value()).isEqualTo(202);
    assertThat(list("").getBody().path("items")).hasSize(4);
  }

  // ---- banned words kept by admins ----

  @Test
  void adminsReplaceTheBannedWordsAndPostingUsesTheNewListAtOnce() {
    JsonNode before = adminGet("/api/admin/comments/banned-words", "ADMIN").getBody();
    assertThat(before.path("words").toString()).isEqualTo("[\"scam\",\"rip off\"]");
    long version = before.path("version").asLong();
    assertThat(putBannedWords(List.of("scam", " rip off "), "ADMIN").getBody().path("version").asLong())
        .as("the same list again changes nothing").isEqualTo(version);

    ResponseEntity<JsonNode> replaced = putBannedWords(List.of(" dreck ", "Boring Plot", "DRECK", "ｄｒｅｃｋ"), "ADMIN");
    assertThat(replaced.getStatusCode().value()).isEqualTo(200);
    assertThat(replaced.getBody().path("words").toString()).as("trimmed, duplicates ignoring case dropped")
        .isEqualTo("[\"dreck\",\"Boring Plot\"]");
    assertThat(replaced.getBody().path("version").asLong()).isEqualTo(version + 1);
    assertThat(adminGet("/api/admin/comments/banned-words", "ADMIN").getBody()).isEqualTo(replaced.getBody());

    assertThat(rate(buyer(), programId, 2, "what DRECK", null).getStatusCode().value())
        .as("a newly banned word is refused").isEqualTo(422);
    ResponseEntity<JsonNode> refused = rate(buyer(), programId, 2, "a boring   plot", null);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().path("code").asText()).isEqualTo("BANNED_WORDS");
    ResponseEntity<JsonNode> allowed = rate(buyer(), programId, 1, "a scam, a rip off", null);
    assertThat(allowed.getStatusCode().value()).as("words no longer banned pass").isEqualTo(201);
    ResponseEntity<JsonNode> reply = replyAs(randomId(), allowed.getBody().path("id").asLong(), "utter dreck");
    assertThat(reply.getStatusCode().value()).isEqualTo(422);
    assertThat(reply.getBody().path("code").asText()).isEqualTo("BANNED_WORDS");
  }

  @Test
  void aBadListIsRefusedWholeAndChangesNothing() {
    JsonNode before = adminGet("/api/admin/comments/banned-words", "ADMIN").getBody();
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add("word" + i);
    }
    Map<List<String>, String> bad = Map.of(
        List.of("fine", "   "), "word 2 is blank",
        List.of("x".repeat(65)), "longer than 64 characters",
        tooMany, "at most 500");
    bad.forEach((words, detail) -> {
      ResponseEntity<JsonNode> refused = putBannedWords(words, "ADMIN");
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(refused.getBody().path("code").asText()).isEqualTo("VALIDATION_FAILED");
      assertThat(refused.getBody().path("detail").asText()).contains(detail);
    });
    ResponseEntity<JsonNode> noList = http.put().uri("/api/admin/comments/banned-words").header("X-User-Id", "1")
        .header("X-User-Roles", "ADMIN").contentType(MediaType.APPLICATION_JSON).body(Map.of())
        .retrieve().toEntity(JsonNode.class);
    assertThat(noList.getStatusCode().value()).isEqualTo(400);
    assertThat(adminGet("/api/admin/comments/banned-words", "ADMIN").getBody()).isEqualTo(before);
    assertThat(rate(buyer(), programId, 1, "a scam", null).getStatusCode().value()).isEqualTo(422);
  }

  @Test
  void onlyAdminsSeeOrChangeTheBannedWords() {
    assertThat(adminGet("/api/admin/comments/banned-words", "CUSTOMER").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> customer = putBannedWords(List.of(), "CUSTOMER");
    assertThat(customer.getStatusCode().value()).isEqualTo(403);
    assertThat(customer.getBody().path("code").asText()).isEqualTo("FORBIDDEN");
    ResponseEntity<JsonNode> anonymous = http.put().uri("/api/admin/comments/banned-words")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("words", List.of())).retrieve().toEntity(JsonNode.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getBody().path("code").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(http.get().uri("/api/admin/comments/banned-words").retrieve().toEntity(JsonNode.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(rate(buyer(), programId, 1, "a scam", null).getStatusCode().value()).as("still banned").isEqualTo(422);
  }

  @Test
  void aChangeMadeByAnotherInstanceIsUsedWithinTheRefreshTime() throws InterruptedException {
    assertThat(rate(buyer(), programId, 1, "dull as ditchwater", null).getStatusCode().value()).isEqualTo(201);
    // what another instance's PUT leaves in the shared schema
    JdbcTemplate db = new JdbcTemplate(dataSource);
    db.update("INSERT INTO t_banned_word (position, word) VALUES (2, 'ditchwater')");
    db.update("UPDATE t_banned_word_list SET version = version + 1 WHERE id = 1");
    long deadline = System.currentTimeMillis() + 15_000;
    int status;
    do {
      Thread.sleep(200);
      http = client(randomAddress());
      status = rate(buyer(), programId, 1, "ditchwater again", null).getStatusCode().value();
    } while (status != 422 && System.currentTimeMillis() < deadline);
    assertThat(status).isEqualTo(422);
  }

  @Test
  void theQueueShowsHowOftenAndWhyACommentWasReported() {
    long commentId = rate(buyer(), programId, 4, "the butler did it", null).getBody().path("id").asLong();
    assertThat(report(randomId(), commentId, "spoils the ending").getStatusCode().value()).isEqualTo(202);
    JsonNode reported = queued(adminGet("/api/admin/comments?filter=reported&size=100", "ADMIN").getBody(),
        commentId);
    assertThat(reported.path("id").asText()).isEqualTo(Long.toString(commentId));
    assertThat(reported.path("text").asText()).isEqualTo("the butler did it");
    assertThat(reported.path("reportCount").asInt()).isEqualTo(1);
    assertThat(reported.path("reports")).hasSize(1);
    assertThat(reported.path("reports").get(0).path("reason").asText()).isEqualTo("spoils the ending");
    assertThat(reported.path("reports").get(0).path("reportedAt").asText()).isNotEmpty();

    assertThat(report(randomId(), commentId, "rude to other fans").getStatusCode().value()).isEqualTo(202);
    JsonNode hidden = queued(adminGet("/api/admin/comments?filter=hidden&size=100", "ADMIN").getBody(), commentId);
    assertThat(hidden.path("reportCount").asInt()).isEqualTo(2);
    assertThat(StreamSupport.stream(hidden.path("reports").spliterator(), false)
        .map(n -> n.path("reason").asText())).containsExactlyInAnyOrder("spoils the ending", "rude to other fans");
  }

  private static JsonNode queued(JsonNode page, long commentId) {
    return StreamSupport.stream(page.path("items").spliterator(), false)
        .filter(n -> n.path("id").asText().equals(Long.toString(commentId))).findFirst()
        .orElseThrow(() -> new AssertionError("comment " + commentId + " not queued: " + page));
  }

  private ResponseEntity<JsonNode> putBannedWords(List<String> words, String roles) {
    return http.put().uri("/api/admin/comments/banned-words").header("X-User-Id", "1").header("X-User-Roles", roles)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("words", words)).retrieve().toEntity(JsonNode.class);
  }

  // ---- helpers ----

  private long buyer() {
    long user = randomId();
    orders.purchased(user, programId);
    return user;
  }

  private ResponseEntity<JsonNode> rate(long user, long program, int rating, String text, String key) {
    RestClient.RequestBodySpec request = http.post().uri("/api/programs/{p}/comments", program)
        .header("X-User-Id", Long.toString(user)).contentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.body(Map.of("rating", rating, "text", text)).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> edit(long user, long commentId, int rating, String text) {
    return http.put().uri("/api/programs/{p}/comments/{c}", programId, commentId)
        .header("X-User-Id", Long.toString(user)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("rating", rating, "text", text)).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> replyAs(long user, long commentId, String text) {
    return http.post().uri("/api/programs/{p}/comments/{c}/replies", programId, commentId)
        .header("X-User-Id", Long.toString(user)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("text", text)).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> report(long user, long commentId) {
    return report(user, commentId, "spam");
  }

  private ResponseEntity<JsonNode> report(long user, long commentId, String reason) {
    return http.post().uri("/api/programs/{p}/comments/{c}/reports", programId, commentId)
        .header("X-User-Id", Long.toString(user)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("reason", reason)).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> like(HttpMethod method, long user, long commentId) {
    return http.method(method).uri("/api/programs/{p}/comments/{c}/likes", programId, commentId)
        .header("X-User-Id", Long.toString(user)).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> list(String query) {
    return http.get().uri("/api/programs/" + programId + "/comments" + query).retrieve().toEntity(JsonNode.class);
  }

  private JsonNode summary() {
    return http.get().uri("/api/programs/{p}/comments/summary", programId).retrieve().body(JsonNode.class);
  }

  private ResponseEntity<JsonNode> admin(String action, long commentId, String roles) {
    RestClient.RequestBodySpec request = http.post().uri("/api/admin/comments/{c}/" + action, commentId)
        .header("X-User-Id", "1");
    if (roles != null) {
      request.header("X-User-Roles", roles);
    }
    return request.retrieve().toEntity(JsonNode.class);
  }

  private void publish(String type, long orderNo, Object payload) throws Exception {
    send(EventEnvelope.of(type, Instant.now(), Long.toString(orderNo), payload));
  }

  private void send(EventEnvelope<?> envelope) throws Exception {
    kafka.send(Topics.ORDER_EVENTS, envelope.aggregateId(), json.writeValueAsString(envelope)).get();
  }

  private void awaitStatuses(long user, long program, List<String> expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (buyers.statuses(user, program).equals(expected)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(buyers.statuses(user, program)).as("verified-buyer rows").isEqualTo(expected);
  }

  private static long randomId() {
    return ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 50);
  }
}
