package com.ticketplatform.advert.interest;

import java.util.Locale;

/** Names of the interest counters kept per user: written from order events here, read by advert serving to rank. */
public final class Signals {

  private Signals() {}

  public static String category(String category) {
    return "CATEGORY:" + category.trim().toUpperCase(Locale.ROOT);
  }

  public static String cinema(long cinemaId) {
    return "CINEMA:" + cinemaId;
  }
}
