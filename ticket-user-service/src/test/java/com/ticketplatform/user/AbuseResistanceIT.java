package com.ticketplatform.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.user.auth.CaptchaVerifier;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * Throwaway-account floods and the CAPTCHA hook, with a low registration limit and a CAPTCHA provider standing in for
 * a real one (reCAPTCHA and the like are outside services: the stand-in accepts the answer "solved-by-" + address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ticket.auth.registration.per-client=3")
@ActiveProfiles("test")
class AbuseResistanceIT {

  @TestConfiguration
  static class Captcha {
    @Bean
    CaptchaVerifier captchaVerifier() {
      return (answer, clientAddress) -> ("solved-by-" + clientAddress).equals(answer);
    }
  }

  @LocalServerPort
  int port;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http("http://127.0.0.1:" + port);
  }

  Http.Reply register(String login, String address, String idempotencyKey) {
    Http.Call call = http.post("/api/users/register",
        Map.of("loginName", login, "password", "secret123", "displayName", "Flood " + login))
        .header("X-Forwarded-For", address);
    if (idempotencyKey != null) {
      call.header("Idempotency-Key", idempotencyKey);
    }
    return call.send();
  }

  Http.Reply login(String login, String password, String address, String captcha) {
    Map<String, String> body = captcha == null ? Map.of("loginName", login, "password", password)
        : Map.of("loginName", login, "password", password, "captcha", captcha);
    return http.post("/api/users/login", body).header("X-Forwarded-For", address).send();
  }

  @Test
  void oneAddressCreatesOnlyAFewAccountsAnHour() {
    String address = UserServiceIT.uniqueAddress();
    String first = UserServiceIT.uniqueEmail();
    String key = "flood-" + first;
    assertThat(register(first, address, key).status()).isEqualTo(201);
    // a retried registration is the same account, not a new one: it does not count
    assertThat(register(first, address, key).status()).isEqualTo(201);
    assertThat(register(UserServiceIT.uniqueEmail(), address, null).status()).isEqualTo(201);
    assertThat(register(UserServiceIT.uniqueEmail(), address, null).status()).isEqualTo(201);
    String refusedLogin = UserServiceIT.uniqueEmail();
    Http.Reply refused = register(refusedLogin, address, null);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(login(refusedLogin, "secret123", UserServiceIT.uniqueAddress(), null).status())
        .as("the refused account was not created").isEqualTo(401);

    assertThat(register(UserServiceIT.uniqueEmail(), UserServiceIT.uniqueAddress(), null).status())
        .as("another address is not affected").isEqualTo(201);
  }

  @Test
  void anAccountUnderACampaignAsksUnknownClientsForACaptcha() {
    String email = UserServiceIT.uniqueEmail();
    assertThat(register(email, UserServiceIT.uniqueAddress(), null).status()).isEqualTo(201);
    String ownersDevice = UserServiceIT.uniqueAddress();
    assertThat(login(email, "secret123", ownersDevice, null).status()).isEqualTo(200);
    for (int i = 0; i < 6; i++) {
      assertThat(login(email, "spread-guess-" + i, UserServiceIT.uniqueAddress(), null).status()).isEqualTo(401);
    }

    String newDevice = UserServiceIT.uniqueAddress();
    Http.Reply challenged = login(email, "secret123", newDevice, null);
    assertThat(challenged.status()).isEqualTo(401);
    assertThat(challenged.json().get("code").asText()).isEqualTo("CAPTCHA_REQUIRED");
    // being asked costs nothing: the owner answers at once and is in (no delay for the question)
    assertThat(login(email, "secret123", newDevice, "solved-by-" + newDevice).status()).isEqualTo(200);
    String otherDevice = UserServiceIT.uniqueAddress();
    assertThat(login(email, "secret123", otherDevice, "solved-by-someone-else").json().get("code").asText())
        .isEqualTo("CAPTCHA_REQUIRED");
    String thirdDevice = UserServiceIT.uniqueAddress();
    assertThat(login(email, "secret123", thirdDevice, "solved-by-" + thirdDevice).status()).isEqualTo(200);
    assertThat(login(email, "secret123", ownersDevice, null).status())
        .as("a device the account trusts is not challenged").isEqualTo(200);
  }
}
