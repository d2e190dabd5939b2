package com.ticketplatform.user.holder;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation, normalisation and masking of identity-document numbers. */
public final class IdNumbers {

  private static final Pattern ID_CARD = Pattern.compile("^[1-9]\\d{5}(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dX]$");
  private static final Pattern PASSPORT = Pattern.compile("^[A-Z0-9]{5,17}$");
  private static final Pattern HK_MACAO = Pattern.compile("^[HM]\\d{8,10}$");
  private static final Pattern TAIWAN = Pattern.compile("^\\d{8}(\\d{2})?$");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private IdNumbers() {}

  /** The canonical number (upper case, no spaces), or empty when it is not a valid number of that type. */
  public static Optional<String> normalise(IdType type, String raw) {
    if (type == null || raw == null) {
      return Optional.empty();
    }
    String number = raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    boolean valid = switch (type) {
      case ID_CARD -> ID_CARD.matcher(number).matches() && checkCharacterMatches(number);
      case PASSPORT -> PASSPORT.matcher(number).matches();
      case HK_MACAO_PERMIT -> HK_MACAO.matcher(number).matches();
      case TAIWAN_PERMIT -> TAIWAN.matcher(number).matches();
    };
    return valid ? Optional.of(number) : Optional.empty();
  }

  /**
   * The form that may be shown: long numbers keep their first and last four characters (an 18-character ID card
   * becomes {@code 3301**********1234}), shorter ones only their first and last two.
   */
  public static String mask(String number) {
    int keep = number.length() >= 12 ? 4 : number.length() >= 6 ? 2 : 1;
    if (number.length() <= keep * 2) {
      return "*".repeat(number.length());
    }
    return number.substring(0, keep) + "*".repeat(number.length() - keep * 2)
        + number.substring(number.length() - keep);
  }

  static boolean checkCharacterMatches(String idCard) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (idCard.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11] == idCard.charAt(17);
  }
}
