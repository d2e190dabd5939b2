package com.ticketplatform.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void normalisesToTheCurrencyScaleAndAddsExactly() {
    Money a = Money.of("0.10");
    Money b = Money.of("0.2");
    assertThat(a.plus(b)).isEqualTo(Money.of("0.30"));
    assertThat(a.plus(b).amount()).isEqualByComparingTo("0.3");
    assertThat(Money.of("45").times(3)).isEqualTo(Money.of("135.00"));
  }

  @Test
  void refusesFractionsBelowTheMinorUnit() {
    assertThatThrownBy(() -> Money.of("1.005")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(new BigDecimal("1"), "JPY").plus(Money.of("1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency mismatch");
  }

  @Test
  void roundTripsThroughMinorUnits() {
    Money m = Money.of("123.45");
    assertThat(m.toMinor()).isEqualTo(12345L);
    assertThat(Money.ofMinor(12345, "CNY")).isEqualTo(m);
    assertThat(Money.ofMinor(-5, "CNY").isNegative()).isTrue();
  }
}
