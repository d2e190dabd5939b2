package com.ticketplatform.advert.advert;

import java.util.Locale;
import java.util.Optional;

/** Where on the client an advert slot is. */
public enum Placement {
  HOME_BANNER,
  PROGRAM_DETAIL,
  CHECKOUT;

  public static Optional<Placement> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(raw.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
