package com.ticketplatform.program.showtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.program.seatmap.PriceTier;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierPricesTest {

  @Test
  void acceptsPositivePricesForEveryUsedTier() {
    TierPrices prices = TierPrices.validate(Map.of("A", new BigDecimal("88"), "B", new BigDecimal("68.5")), null,
        List.of(PriceTier.A, PriceTier.B));
    assertThat(prices.priceOf(PriceTier.A)).isEqualByComparingTo("88.00");
    assertThat(prices.priceOf(PriceTier.B).toPlainString()).isEqualTo("68.50");
    assertThat(prices.currency()).isEqualTo("CNY");
    assertThat(prices.priceOf(PriceTier.C)).isNull();
  }

  @Test
  void rejectsZeroNegativeTooPreciseAndTooLarge() {
    assertInvalid(Map.of("A", BigDecimal.ZERO), "CNY");
    assertInvalid(Map.of("A", new BigDecimal("-1.00")), "CNY");
    assertInvalid(Map.of("A", new BigDecimal("10.005")), "CNY");
    assertInvalid(Map.of("A", new BigDecimal("10000000000.00")), "CNY");
    Map<String, BigDecimal> nullPrice = new HashMap<>();
    nullPrice.put("A", null);
    assertInvalid(nullPrice, "CNY");
  }

  @Test
  void rejectsCurrenciesThatDoNotFitTwoDecimalPlaces() {
    assertInvalid(Map.of("A", new BigDecimal("1.234")), "KWD");
    assertInvalid(Map.of("A", BigDecimal.TEN), "XAU");
    assertThat(TierPrices.validate(Map.of("A", new BigDecimal("1500")), "JPY", List.of(PriceTier.A))
        .priceOf(PriceTier.A)).isEqualByComparingTo("1500");
  }

  @Test
  void rejectsUnknownTierUnknownCurrencyAndMissingTier() {
    assertInvalid(Map.of("A", BigDecimal.TEN, "D", BigDecimal.TEN), "CNY");
    assertInvalid(Map.of("A", BigDecimal.TEN), "XXY");
    assertThatThrownBy(() -> TierPrices.validate(Map.of("A", BigDecimal.TEN), "CNY",
        List.of(PriceTier.A, PriceTier.C))).isInstanceOf(ApiException.class)
        .hasMessageContaining("tier C");
    assertInvalid(Map.of(), "CNY");
  }

  private static void assertInvalid(Map<String, BigDecimal> prices, String currency) {
    assertThatThrownBy(() -> TierPrices.validate(prices, currency, List.of(PriceTier.A)))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400))
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(TierPrices.INVALID_PRICE));
  }
}
