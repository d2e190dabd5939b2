package com.ticketplatform.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnTargetTest {

  @Test
  void aMerchantPageOnTheWebIsAPlaceToReturnTo() {
    assertThat(SandboxController.returnTarget("http://127.0.0.1:8080/orders/122552585885319168"))
        .isEqualTo("http://127.0.0.1:8080/orders/122552585885319168");
    assertThat(SandboxController.returnTarget("https://shop.example/orders/1?x=1")).isEqualTo("https://shop.example/orders/1?x=1");
  }

  @Test
  void anythingElseIsNot() {
    assertThat(SandboxController.returnTarget(null)).isNull();
    assertThat(SandboxController.returnTarget(" ")).isNull();
    assertThat(SandboxController.returnTarget("javascript:alert(1)")).isNull();
    assertThat(SandboxController.returnTarget("/orders/1")).isNull();
    assertThat(SandboxController.returnTarget("http://bad host/")).isNull();
  }
}
