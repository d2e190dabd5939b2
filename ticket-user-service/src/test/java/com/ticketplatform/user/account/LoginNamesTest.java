package com.ticketplatform.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginNamesTest {

  @ParameterizedTest
  @CsvSource({
      "Demo@Ticket.Local, demo@ticket.local",
      "' a.b+tag@example.co.uk ', a.b+tag@example.co.uk",
      "13800138000, +8613800138000",
      "138 0013 8000, +8613800138000",
      "138-0013-8000, +8613800138000",
      "+8613800138000, +8613800138000",
      "008613800138000, +8613800138000",
      "+447911123456, +447911123456",
      "+1 (415) 555-2671, +14155552671",
  })
  void normalisesValidLoginNames(String raw, String canonical) {
    assertThat(LoginNames.normalise(raw)).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "plainaddress", "a@b", "a@@b.com", "a@b..com", ".a@b.com", "a@-b.com",
      "12345", "12800138000", "1380013800", "+0123456789", "+86123", "+8612800138000", "abc123",
      "+1234567890123456"})
  void rejectsInvalidLoginNames(String raw) {
    assertThat(LoginNames.normalise(raw)).isEmpty();
  }

  @Test
  void rejectsNullAndOverlongNames() {
    assertThat(LoginNames.normalise(null)).isEmpty();
    assertThat(LoginNames.normalise("a".repeat(120) + "@example.com")).isEmpty();
  }

  @Test
  void passwordPolicyNeedsLengthLettersAndDigits() {
    assertThat(PasswordPolicy.violation("secret123")).isEmpty();
    assertThat(PasswordPolicy.violation("Admin#2026")).isEmpty();
    assertThat(PasswordPolicy.violation("short1")).contains("must be at least 8 characters");
    assertThat(PasswordPolicy.violation("onlyletters")).contains("must contain letters and digits");
    assertThat(PasswordPolicy.violation("1234567890")).contains("must contain letters and digits");
    assertThat(PasswordPolicy.violation("a1" + "x".repeat(71))).contains("must be at most 72 bytes");
    assertThat(PasswordPolicy.violation(null)).isPresent();
  }
}
