package com.ticketplatform.user.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** At least 8 characters with a letter and a digit; at most 72 bytes, beyond which BCrypt silently ignores input. */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_BYTES = 72;

  private PasswordPolicy() {}

  /** Why the password is refused, or empty when it is acceptable. */
  public static Optional<String> violation(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("must be at most " + MAX_BYTES + " bytes");
    }
    boolean letter = password.codePoints().anyMatch(Character::isLetter);
    boolean digit = password.codePoints().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      return Optional.of("must contain letters and digits");
    }
    return Optional.empty();
  }
}
