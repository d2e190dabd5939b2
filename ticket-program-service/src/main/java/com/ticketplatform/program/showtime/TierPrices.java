package com.ticketplatform.program.showtime;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.program.seatmap.PriceTier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A showtime's price per tier. Every tier used by the hall needs a price; a price is strictly positive, exact to the
 * currency's minor unit and fits DECIMAL(12,2).
 */
public final class TierPrices {

  public static final String INVALID_PRICE = "INVALID_PRICE";
  static final BigDecimal MAX = new BigDecimal("9999999999.99");

  private final Map<PriceTier, BigDecimal> prices;
  private final String currency;

  private TierPrices(Map<PriceTier, BigDecimal> prices, String currency) {
    this.prices = prices;
    this.currency = currency;
  }

  /** Validates raw prices (keys are tier names) for a hall whose seats use {@code usedTiers}. */
  public static TierPrices validate(Map<String, BigDecimal> raw, String currencyCode, Collection<PriceTier> usedTiers) {
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode == null ? "CNY" : currencyCode);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(INVALID_PRICE, "unknown currency " + currencyCode);
    }
    // prices are stored as DECIMAL(12,2): a currency without minor units of at most two digits cannot be priced
    int fractionDigits = currency.getDefaultFractionDigits();
    if (fractionDigits < 0 || fractionDigits > 2) {
      throw ApiException.badRequest(INVALID_PRICE, "currency " + currency.getCurrencyCode() + " is not supported");
    }
    if (raw == null || raw.isEmpty()) {
      throw ApiException.badRequest(INVALID_PRICE, "prices are required");
    }
    Map<PriceTier, BigDecimal> prices = new EnumMap<>(PriceTier.class);
    for (Map.Entry<String, BigDecimal> entry : raw.entrySet()) {
      PriceTier tier;
      try {
        tier = PriceTier.valueOf(entry.getKey());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw ApiException.badRequest(INVALID_PRICE, "unknown price tier " + entry.getKey());
      }
      BigDecimal price = entry.getValue();
      if (price == null || price.signum() <= 0) {
        throw ApiException.badRequest(INVALID_PRICE, "price of tier " + tier + " must be greater than zero");
      }
      if (price.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
        throw ApiException.badRequest(INVALID_PRICE,
            "price of tier " + tier + " has more decimals than " + currency.getCurrencyCode() + " allows");
      }
      if (price.compareTo(MAX) > 0) {
        throw ApiException.badRequest(INVALID_PRICE, "price of tier " + tier + " is too large");
      }
      prices.put(tier, price.setScale(2, RoundingMode.UNNECESSARY));
    }
    for (PriceTier used : Set.copyOf(usedTiers)) {
      if (!prices.containsKey(used)) {
        throw ApiException.badRequest(INVALID_PRICE, "the hall has tier " + used + " seats but no price for it");
      }
    }
    return new TierPrices(prices, currency.getCurrencyCode());
  }

  public static TierPrices of(BigDecimal a, BigDecimal b, BigDecimal c, String currency) {
    Map<PriceTier, BigDecimal> prices = new EnumMap<>(PriceTier.class);
    if (a != null) {
      prices.put(PriceTier.A, a);
    }
    if (b != null) {
      prices.put(PriceTier.B, b);
    }
    if (c != null) {
      prices.put(PriceTier.C, c);
    }
    return new TierPrices(prices, currency);
  }

  public BigDecimal priceOf(PriceTier tier) {
    return prices.get(tier);
  }

  public Map<String, BigDecimal> asMap() {
    Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
    prices.forEach((tier, price) -> out.put(tier.name(), price));
    return out;
  }

  public String currency() {
    return currency;
  }
}
