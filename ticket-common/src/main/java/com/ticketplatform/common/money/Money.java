package com.ticketplatform.common.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, exact to the currency's minor unit. Never a double; stored as DECIMAL or minor units.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

  public static final String DEFAULT_CURRENCY = "CNY";

  @JsonCreator
  public Money(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") String currency) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int scale = Currency.getInstance(currency).getDefaultFractionDigits();
    if (amount.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException("amount " + amount + " has more decimals than " + currency + " allows");
    }
    this.amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    this.currency = currency;
  }

  public static Money of(String amount) {
    return new Money(new BigDecimal(amount), DEFAULT_CURRENCY);
  }

  public static Money of(BigDecimal amount, String currency) {
    return new Money(amount, currency);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public static Money ofMinor(long minorUnits, String currency) {
    int scale = Currency.getInstance(currency).getDefaultFractionDigits();
    return new Money(BigDecimal.valueOf(minorUnits, scale), currency);
  }

  public long toMinor() {
    return amount.movePointRight(amount.scale()).longValueExact();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money times(int quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
