package com.ticketplatform.advert.serving;

import java.util.Locale;

/** Names of the interest counters kept per user. */
public final class Signals {

  private Signals() {}

  public static String category(String category) {
    return "CATEGORY:" + category.trim().toUpperCase(Locale.ROOT);
  }

  public static String cinema(long cinemaId) {
    return "CINEMA:" + cinemaId;
  }
}
