package com.ticketplatform.user.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A login name is an e-mail address or a mobile number. Both are normalised to one canonical spelling before they
 * are stored or looked up, so {@code Demo@Ticket.Local} and {@code demo@ticket.local}, or {@code 138 0013 8000} and
 * {@code +8613800138000}, are the same account.
 */
public final class LoginNames {

  public static final int MAX_LENGTH = 128;

  private static final Pattern EMAIL = Pattern.compile(
      "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}$");
  /** Mainland China mobile without country code: 11 digits, 1 then 3..9. */
  private static final Pattern CN_MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
  /** E.164: + then up to 15 digits, no leading zero in the country code. */
  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-().]");

  private LoginNames() {}

  /** The canonical login name, or empty when the input is neither a valid e-mail nor a valid mobile number. */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (trimmed.indexOf('@') >= 0) {
      String email = trimmed.toLowerCase(Locale.ROOT);
      int at = email.lastIndexOf('@');
      if (at > 64 || !EMAIL.matcher(email).matches()) {
        return Optional.empty();
      }
      return Optional.of(email);
    }
    String phone = PHONE_SEPARATORS.matcher(trimmed).replaceAll("");
    if (phone.startsWith("00")) {
      phone = "+" + phone.substring(2);
    }
    if (CN_MOBILE.matcher(phone).matches()) {
      return Optional.of("+86" + phone);
    }
    if (E164.matcher(phone).matches()) {
      if (phone.startsWith("+86") && !CN_MOBILE.matcher(phone.substring(3)).matches()) {
        return Optional.empty();
      }
      return Optional.of(phone);
    }
    return Optional.empty();
  }

  public static boolean isValid(String raw) {
    return normalise(raw).isPresent();
  }
}
