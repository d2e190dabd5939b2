package com.ticketplatform.user;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The user service over real HTTP, against the real MariaDB (through ShardingSphere) and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserServiceIT {

  @LocalServerPort
  int port;

  @Autowired
  DataSource dataSource;

  @Autowired
  StringRedisTemplate redis;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http("http://127.0.0.1:" + port);
  }

  static String uniqueEmail() {
    return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@example.com";
  }

  /** A made-up client address per test, so per-address failure counts never leak between tests or runs. */
  static String uniqueAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  JsonNode register(String login, String password) {
    Http.Reply reply = http.post("/api/users/register",
        Map.of("loginName", login, "password", password, "displayName", "Test User")).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  /** {@code n} calls released at the same instant from their own threads; their replies in order. */
  static List<Http.Reply> allAtOnce(int n, IntFunction<Http.Reply> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Reply>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          return call.apply(index);
        }));
      }
      start.countDown();
      List<Http.Reply> replies = new ArrayList<>();
      for (Future<Http.Reply> future : futures) {
        replies.add(future.get(60, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  Http.Reply login(String login, String password, String address) {
    return http.post("/api/users/login", Map.of("loginName", login, "password", password))
        .header("X-Forwarded-For", address).send();
  }

  @Test
  void registerLoginAndMe() {
    String email = uniqueEmail();
    JsonNode user = register(email.toUpperCase(), "secret123");
    assertThat(user.get("id").asText()).matches("\\d+");
    assertThat(user.get("loginName").asText()).isEqualTo(email);
    assertThat(user.get("displayName").asText()).isEqualTo("Test User");
    assertThat(user.get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
    assertThat(user.get("createdAt").asText()).isNotBlank();
    assertThat(user.has("passwordHash")).isFalse();

    Http.Reply login = login(email, "secret123", uniqueAddress());
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
    assertThat(login.json().get("refreshToken").asText()).isNotBlank();
    assertThat(login.header("Cache-Control")).contains("no-store");

    Http.Reply me = http.get("/api/users/me").header("X-User-Id", user.get("id").asText()).send();
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("loginName").asText()).isEqualTo(email);

    Http.Reply anonymous = http.get("/api/users/me").send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void mobileNumbersAreNormalised() {
    String digits = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    JsonNode user = register(digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7),
        "secret123");
    assertThat(user.get("loginName").asText()).isEqualTo("+86" + digits);
    assertThat(login("+86" + digits, "secret123", uniqueAddress()).status()).isEqualTo(200);
  }

  /** What the notify service mails to (UserClient.contact): an e-mail login is the address, a phone login has none. */
  @Test
  void theContactOfAUserIsTheirEmailLoginOrNone() {
    String email = uniqueEmail();
    long byEmail = Long.parseLong(register(email, "secret123").get("id").asText());
    JsonNode contact = http.get("/internal/users/" + byEmail + "/contact").send().json();
    assertThat(contact.get("email").asText()).isEqualTo(email);
    assertThat(contact.get("displayName").asText()).isEqualTo("Test User");

    String digits = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    long byPhone = Long.parseLong(register(digits, "secret123").get("id").asText());
    JsonNode phone = http.get("/internal/users/" + byPhone + "/contact").send().json();
    assertThat(phone.hasNonNull("email")).as(phone.toString()).isFalse();
    assertThat(phone.get("userId").asText()).isEqualTo(Long.toString(byPhone));

    assertThat(http.get("/internal/users/1/contact").send().status()).isEqualTo(404);
  }

  @Test
  void accessTokenVerifiesWithThePublishedJwkSet() throws Exception {
    String email = uniqueEmail();
    JsonNode user = register(email, "secret123");
    String token = login(email, "secret123", uniqueAddress()).json().get("accessToken").asText();

    Http.Reply jwks = http.get("/api/users/.well-known/jwks.json").send();
    assertThat(jwks.status()).isEqualTo(200);
    JWKSet set = JWKSet.parse(jwks.body());
    assertThat(set.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate())
        .as("only public halves are published").isFalse());

    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey publicKey = (RSAKey) set.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(publicKey).as("the token names a published key").isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(user.get("id").asText());
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("ticket-platform");
    assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();

    // the key pair lives in the service's own schema, so a restart signs with the same key, but only wrapped
    String wrapped = new JdbcTemplate(dataSource)
        .queryForObject("SELECT wrapped_secret FROM t_key WHERE kid = ?", String.class, publicKey.getKeyID());
    assertThat(wrapped).startsWith("kek1:local-dev:");
    Integer plain = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM t_service_secret", Integer.class);
    assertThat(plain).as("no key is kept in plain text").isZero();
  }

  @Test
  void concurrentRegistrationsOfOneNameCreateExactlyOneAccount() throws Exception {
    String email = uniqueEmail();
    int threads = 20;
    int created = 0;
    int taken = 0;
    for (Http.Reply reply : allAtOnce(threads, n -> http.post("/api/users/register",
        Map.of("loginName", email, "password", "secret123", "displayName", "Racer " + n)).send())) {
      if (reply.status() == 201) {
        created++;
      } else {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.json().get("code").asText()).isEqualTo("LOGIN_NAME_TAKEN");
        taken++;
      }
    }
    assertThat(created).isEqualTo(1);
    assertThat(taken).isEqualTo(threads - 1);
    Integer rows = new JdbcTemplate(dataSource)
        .queryForObject("SELECT COUNT(*) FROM t_user WHERE login_name = ?", Integer.class, email);
    assertThat(rows).isEqualTo(1);
  }

  @Test
  void invalidRegistrationIs400WithFieldErrors() {
    Http.Reply reply = http.post("/api/users/register",
        Map.of("loginName", "not-a-login", "password", "short", "displayName", "")).send();
    assertThat(reply.status()).isEqualTo(400);
    JsonNode problem = reply.json();
    assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(problem.get("errors").get("loginName").asText()).contains("e-mail");
    assertThat(problem.get("errors").get("password").asText()).contains("at least 8");
    assertThat(problem.get("errors").has("displayName")).isTrue();

    Http.Reply lettersOnly = http.post("/api/users/register",
        Map.of("loginName", uniqueEmail(), "password", "onlyletters", "displayName", "x")).send();
    assertThat(lettersOnly.status()).isEqualTo(400);
    assertThat(lettersOnly.json().get("errors").get("password").asText()).contains("letters and digits");

    Http.Reply notJson = http.post("/api/users/register", "{oops").send();
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void wrongCredentialsAre401WithoutSayingWhetherTheUserExists() {
    String email = uniqueEmail();
    register(email, "secret123");
    Http.Reply wrongPassword = login(email, "secret999", uniqueAddress());
    Http.Reply unknownUser = login(uniqueEmail(), "secret123", uniqueAddress());
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(wrongPassword.json().get("code").asText()).isEqualTo("BAD_CREDENTIALS");
    assertThat(unknownUser.json().get("code").asText()).isEqualTo("BAD_CREDENTIALS");
    assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
  }

  @Test
  void repeatedFailuresFromOneClientWaitLongerEachTime() throws Exception {
    String email = uniqueEmail();
    register(email, "secret123");
    String address = uniqueAddress();
    for (int i = 0; i < 3; i++) {
      assertThat(login(email, "wrong-pass-1", address).status()).isEqualTo(401);
    }
    Http.Reply throttled = login(email, "secret123", address);
    assertThat(throttled.status()).as("even the right password waits for the delay").isEqualTo(429);
    assertThat(throttled.json().get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
    // 2 s after the previous attempt, in whole seconds rounded up (less when this machine is slow to answer)
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 2L);

    Thread.sleep(2_100);
    assertThat(login(email, "wrong-pass-2", address).status()).isEqualTo(401);
    Http.Reply longer = login(email, "secret123", address);
    assertThat(longer.status()).isEqualTo(429);
    assertThat(Long.parseLong(longer.header("Retry-After"))).as("the delay doubles").isBetween(3L, 4L);
  }

  @Test
  void anAttackerCannotLockOutAUserWhoLogsInFromAnotherAddress() {
    String email = uniqueEmail();
    register(email, "secret123");
    String attacker = uniqueAddress();
    int refused = 0;
    for (int i = 0; i < 30; i++) {
      int status = login(email, "guess-" + i, attacker).status();
      assertThat(status).isIn(401, 429);
      refused += status == 429 ? 1 : 0;
    }
    // three free attempts, then 2 s, 4 s, ...: all but three (four on a very slow machine) are refused
    assertThat(refused).as("the attacker is slowed down").isGreaterThanOrEqualTo(26);
    Http.Reply owner = login(email, "secret123", uniqueAddress());
    assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
  }

  @Test
  void aGuessingCampaignOverManyAddressesLeavesTheOwnersDevicesAlone() {
    String email = uniqueEmail();
    register(email, "secret123");
    String ownersDevice = uniqueAddress();
    assertThat(login(email, "secret123", ownersDevice).status()).isEqualTo(200);
    for (int i = 0; i < 6; i++) {
      assertThat(login(email, "spread-guess-" + i, uniqueAddress()).status()).isEqualTo(401);
    }
    // the account is now under a campaign: an address it does not know gets one attempt before delays start
    String stranger = uniqueAddress();
    assertThat(login(email, "another-guess", stranger).status()).isEqualTo(401);
    assertThat(login(email, "and-another", stranger).status()).isEqualTo(429);
    // the owner's device keeps its usual allowance, and the owner on a new device still gets in at once
    assertThat(login(email, "owner-typo", ownersDevice).status()).isEqualTo(401);
    assertThat(login(email, "secret123", ownersDevice).status()).isEqualTo(200);
    assertThat(login(email, "secret123", uniqueAddress()).status()).isEqualTo(200);
  }

  @Test
  void parallelGuessesCannotSlipPastTheCount() throws Exception {
    String email = uniqueEmail();
    register(email, "secret123");
    String address = uniqueAddress();
    int checked = 0;
    for (Http.Reply reply : allAtOnce(20, n -> login(email, "parallel-guess-" + n, address))) {
      assertThat(reply.status()).as(reply.toString()).isIn(401, 429);
      checked += reply.status() == 401 ? 1 : 0;
    }
    assertThat(checked).as("passwords actually checked").isEqualTo(3);
  }

  @Test
  void refreshRotatesAndReuseRevokesTheFamily() {
    String email = uniqueEmail();
    register(email, "secret123");
    String first = login(email, "secret123", uniqueAddress()).json().get("refreshToken").asText();

    Http.Reply rotated = http.post("/api/users/token/refresh", Map.of("refreshToken", first)).send();
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String second = rotated.json().get("refreshToken").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(rotated.json().get("accessToken").asText()).isNotBlank();

    Http.Reply reused = http.post("/api/users/token/refresh", Map.of("refreshToken", first)).send();
    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.json().get("code").asText()).isEqualTo("REFRESH_TOKEN_REUSED");

    Http.Reply afterTheft = http.post("/api/users/token/refresh", Map.of("refreshToken", second)).send();
    assertThat(afterTheft.status()).as("the whole family is revoked").isEqualTo(401);
    assertThat(afterTheft.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");

    Http.Reply garbage = http.post("/api/users/token/refresh", Map.of("refreshToken", "nope.nope")).send();
    assertThat(garbage.status()).isEqualTo(401);
  }

  @Test
  void logoutRevokesTheAccessTokenAndTheRefreshFamily() throws Exception {
    String email = uniqueEmail();
    JsonNode user = register(email, "secret123");
    JsonNode tokens = login(email, "secret123", uniqueAddress()).json();
    String access = tokens.get("accessToken").asText();
    String jti = SignedJWT.parse(access).getJWTClaimsSet().getJWTID();

    Http.Reply logout = http.post("/api/users/logout", Map.of("refreshToken", tokens.get("refreshToken").asText()))
        .header("X-User-Id", user.get("id").asText())
        .header("Authorization", "Bearer " + access)
        .send();
    assertThat(logout.status()).isEqualTo(204);
    assertThat(redis.hasKey("auth:revoked-jti:" + jti)).isTrue();
    Long ttl = redis.getExpire("auth:revoked-jti:" + jti, TimeUnit.SECONDS);
    assertThat(ttl).isBetween(1L, 900L);
    assertThat(http.post("/api/users/token/refresh", Map.of("refreshToken", tokens.get("refreshToken").asText()))
        .send().status()).isEqualTo(401);
  }

  @Autowired
  com.ticketplatform.user.account.UserService users;

  @Test
  void aDeploymentsFirstAdminComesFromItsEnvironmentNeverWithAPublishedPassword() throws Exception {
    String login = uniqueEmail();
    var published = new org.springframework.mock.env.MockEnvironment().withProperty("ticket.admin.login", login)
        .withProperty("ticket.admin.password", "Admin#2026");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new com.ticketplatform.user.account.FirstAdmin(users, published).run(null))
        .hasMessageContaining("ticket.admin.password (a published default)");
    assertThat(login(login, "Admin#2026", uniqueAddress()).status()).isEqualTo(401);

    var chosen = new org.springframework.mock.env.MockEnvironment().withProperty("ticket.admin.login", login)
        .withProperty("ticket.admin.password", "Rk7-wq2P-xx91-Lm");
    new com.ticketplatform.user.account.FirstAdmin(users, chosen).run(null);
    new com.ticketplatform.user.account.FirstAdmin(users, chosen).run(null); // a restart leaves it as it is
    Http.Reply admin = login(login, "Rk7-wq2P-xx91-Lm", uniqueAddress());
    assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
    assertThat(SignedJWT.parse(admin.json().get("accessToken").asText()).getJWTClaimsSet()
        .getStringListClaim("roles")).containsExactlyInAnyOrder("ADMIN", "CUSTOMER");
  }

  @Test
  void demoAdminExistsAndOnlyAdminsListUsers() throws Exception {
    Http.Reply login = login("admin@ticket.local", "Admin#2026", uniqueAddress());
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    SignedJWT jwt = SignedJWT.parse(login.json().get("accessToken").asText());
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactlyInAnyOrder("ADMIN", "CUSTOMER");
    String adminId = jwt.getJWTClaimsSet().getSubject();
    assertThat(login("demo@ticket.local", "Demo#2026", uniqueAddress()).status()).isEqualTo(200);

    register(uniqueEmail(), "secret123");
    register(uniqueEmail(), "secret123");
    Http.Reply page = http.get("/api/admin/users?size=2")
        .header("X-User-Id", adminId).header("X-User-Roles", "ADMIN,CUSTOMER").send();
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.json().get("items")).hasSize(2);
    String cursor = page.json().get("nextCursor").asText();
    Http.Reply next = http.get("/api/admin/users?size=2&cursor=" + cursor)
        .header("X-User-Id", adminId).header("X-User-Roles", "ADMIN").send();
    assertThat(next.status()).isEqualTo(200);
    long lastOfFirst = page.json().get("items").get(1).get("id").asLong();
    assertThat(next.json().get("items").get(0).get("id").asLong()).isGreaterThan(lastOfFirst);

    Http.Reply customer = http.get("/api/admin/users")
        .header("X-User-Id", adminId).header("X-User-Roles", "CUSTOMER").send();
    assertThat(customer.status()).isEqualTo(403);
    assertThat(customer.json().get("code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void anAdminCreatesDoorStaffForOneCinemaWhoseTokenSaysSo() throws Exception {
    String loginName = uniqueEmail();
    Map<String, Object> body = Map.of("loginName", loginName, "password", "Door#2026x", "displayName", "Gate 3",
        "cinemaId", "4242");
    Http.Reply customer = http.post("/api/admin/users/door-staff", body).header("X-User-Id", "5")
        .header("X-User-Roles", "CUSTOMER").send();
    assertThat(customer.status()).isEqualTo(403);

    Http.Reply created = http.post("/api/admin/users/door-staff", body).header("X-User-Id", "1")
        .header("X-User-Roles", "ADMIN").send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("roles").get(0).asText()).isEqualTo("DOOR:4242");

    Http.Reply login = login(loginName, "Door#2026x", uniqueAddress());
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(SignedJWT.parse(login.json().get("accessToken").asText()).getJWTClaimsSet()
        .getStringListClaim("roles")).containsExactly("DOOR:4242");
  }

  @Test
  void registerHonoursIdempotencyKey() {
    String key = UUID.randomUUID().toString();
    Map<String, String> body = Map.of("loginName", uniqueEmail(), "password", "secret123", "displayName", "Idem");
    Http.Reply first = http.post("/api/users/register", body).header("Idempotency-Key", key).send();
    Http.Reply again = http.post("/api/users/register", body).header("Idempotency-Key", key).send();
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());

    Map<String, String> other = Map.of("loginName", uniqueEmail(), "password", "secret123", "displayName", "Idem");
    Http.Reply misuse = http.post("/api/users/register", other).header("Idempotency-Key", key).send();
    assertThat(misuse.status()).isEqualTo(422);
    assertThat(misuse.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

    // without the key the same body is a second attempt, and the name is taken
    assertThat(http.post("/api/users/register", body).send().status()).isEqualTo(409);
  }

  @Test
  void ticketHoldersAreMaskedAndEncryptedAtRest() {
    String userId = register(uniqueEmail(), "secret123").get("id").asText();
    Http.Reply created = http.post("/api/users/me/holders",
            Map.of("name", "Zhang San", "idType", "ID_CARD", "idNumber", "11010519491231002x"))
        .header("X-User-Id", userId).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("idNumber").asText()).isEqualTo("1101**********002X");
    String holderId = created.json().get("id").asText();

    Http.Reply duplicate = http.post("/api/users/me/holders",
            Map.of("name", "Zhang San", "idType", "ID_CARD", "idNumber", "11010519491231002X"))
        .header("X-User-Id", userId).send();
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("code").asText()).isEqualTo("HOLDER_EXISTS");

    Http.Reply badChecksum = http.post("/api/users/me/holders",
            Map.of("name", "Li Si", "idType", "ID_CARD", "idNumber", "110105194912310021"))
        .header("X-User-Id", userId).send();
    assertThat(badChecksum.status()).isEqualTo(400);
    assertThat(badChecksum.json().get("errors").has("idNumber")).isTrue();

    Http.Reply list = http.get("/api/users/me/holders").header("X-User-Id", userId).send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.body()).doesNotContain("11010519491231002X");

    String stored = new JdbcTemplate(dataSource).queryForObject(
        "SELECT id_number_enc FROM t_ticket_holder WHERE user_id = ? AND id = ?", String.class,
        Long.parseLong(userId), Long.parseLong(holderId));
    assertThat(stored).isNotBlank().doesNotContain("1949");

    Http.Reply otherUser = http.delete("/api/users/me/holders/" + holderId).header("X-User-Id", "42").send();
    assertThat(otherUser.status()).isEqualTo(404);
    assertThat(http.delete("/api/users/me/holders/" + holderId).header("X-User-Id", userId).send().status())
        .isEqualTo(204);
    assertThat(http.get("/api/users/me/holders").header("X-User-Id", userId).send().json()).isEmpty();
  }

  @Test
  void theOrderServiceSeesAHoldersMaskAndAHashThatIsTheSameInEveryAccount() {
    String first = register(uniqueEmail(), "secret123").get("id").asText();
    String second = register(uniqueEmail(), "secret123").get("id").asText();
    Map<String, String> person = Map.of("name", "Wang Wu", "idType", "ID_CARD", "idNumber", "11010519491231002X");
    String firstsHolder = http.post("/api/users/me/holders", person).header("X-User-Id", first).send().json()
        .get("id").asText();
    String secondsHolder = http.post("/api/users/me/holders", person).header("X-User-Id", second).send().json()
        .get("id").asText();

    Http.Reply seen = http.get("/internal/users/" + first + "/holders?holderIds=" + firstsHolder + ","
        + secondsHolder).send();
    assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
    assertThat(seen.json()).as("only the user's own holders").hasSize(1);
    assertThat(seen.json().get(0).get("idNumberMask").asText()).isEqualTo("1101**********002X");
    assertThat(seen.body()).doesNotContain("11010519491231002X");
    String hash = seen.json().get(0).get("idNumberHash").asText();
    assertThat(hash).hasSize(64);

    Http.Reply theirs = http.get("/internal/users/" + second + "/holders?holderIds=" + secondsHolder).send();
    assertThat(theirs.json().get(0).get("idNumberHash").asText()).as("one person, one hash").isEqualTo(hash);
  }
}
