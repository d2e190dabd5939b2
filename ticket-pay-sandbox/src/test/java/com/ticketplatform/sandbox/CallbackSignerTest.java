package com.ticketplatform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.sandbox.signing.CallbackSigner;
import org.junit.jupiter.api.Test;

class CallbackSignerTest {

  @Test
  void signsTimestampDotBodyWithHmacSha256() {
    // reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    String header = new CallbackSigner("secret").signatureHeader(1_700_000_000L, "{\"a\":1}");
    assertThat(header).isEqualTo("t=1700000000,v1=" + OpensslReference.HMAC);
  }

  @Test
  void anotherSecretOrBodyGivesAnotherSignature() {
    String header = new CallbackSigner("secret").signatureHeader(1_700_000_000L, "{\"a\":1}");
    assertThat(new CallbackSigner("other").signatureHeader(1_700_000_000L, "{\"a\":1}")).isNotEqualTo(header);
    assertThat(new CallbackSigner("secret").signatureHeader(1_700_000_000L, "{\"a\":2}")).isNotEqualTo(header);
    assertThat(new CallbackSigner("secret").signatureHeader(1_700_000_001L, "{\"a\":1}")).isNotEqualTo(header);
  }

  private static final class OpensslReference {
    static final String HMAC = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";
  }
}
