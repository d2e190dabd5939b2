package com.ticketplatform.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.pay.callback.CallbackSignatureVerifier;
import com.ticketplatform.pay.callback.CallbackSignatureVerifier.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignatureVerifierTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
  // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
  private static final String GOOD = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";

  private final CallbackSignatureVerifier verifier = new CallbackSignatureVerifier("secret", Duration.ofMinutes(5));

  @Test
  void acceptsTheProvidersSignatureOverTheRawBody() {
    assertThat(verifier.verify("t=1700000000,v1=" + GOOD, BODY, NOW)).isEqualTo(Result.VALID);
    assertThat(verifier.verify("t=1700000000, v1=" + GOOD.toUpperCase(), BODY, NOW.plusSeconds(299)))
        .isEqualTo(Result.VALID);
    // rotating secrets: any matching v1 is enough
    assertThat(verifier.verify("t=1700000000,v1=00ff,v1=" + GOOD, BODY, NOW)).isEqualTo(Result.VALID);
  }

  @Test
  void rejectsAnythingElseAsForged() {
    assertThat(verifier.verify(null, BODY, NOW)).isEqualTo(Result.BAD_SIGNATURE);
    assertThat(verifier.verify("", BODY, NOW)).isEqualTo(Result.BAD_SIGNATURE);
    assertThat(verifier.verify("v1=" + GOOD, BODY, NOW)).isEqualTo(Result.BAD_SIGNATURE);
    assertThat(verifier.verify("t=abc,v1=" + GOOD, BODY, NOW)).isEqualTo(Result.BAD_SIGNATURE);
    assertThat(verifier.verify("t=1700000001,v1=" + GOOD, BODY, NOW)).isEqualTo(Result.BAD_SIGNATURE);
    // one changed byte of the body (e.g. a re-serialised amount) breaks it
    assertThat(verifier.verify("t=1700000000,v1=" + GOOD, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), NOW))
        .isEqualTo(Result.BAD_SIGNATURE);
    assertThat(new CallbackSignatureVerifier("other", Duration.ofMinutes(5))
        .verify("t=1700000000,v1=" + GOOD, BODY, NOW)).isEqualTo(Result.BAD_SIGNATURE);
  }

  @Test
  void aGenuineButOldOrFutureCallbackIsStale() {
    assertThat(verifier.verify("t=1700000000,v1=" + GOOD, BODY, NOW.plusSeconds(301))).isEqualTo(Result.STALE);
    assertThat(verifier.verify("t=1700000000,v1=" + GOOD, BODY, NOW.minusSeconds(301))).isEqualTo(Result.STALE);
  }
}
