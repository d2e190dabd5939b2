package com.ticketplatform.user.account;

import java.util.Arrays;
import java.util.List;

/** Roles are stored as a sorted, comma-separated list, the same shape the gateway forwards in X-User-Roles. */
public final class Roles {

  private Roles() {}

  public static List<String> parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(",")).map(String::trim).filter(r -> !r.isEmpty()).sorted().toList();
  }

  public static String format(List<String> roles) {
    return String.join(",", roles.stream().sorted().distinct().toList());
  }
}
