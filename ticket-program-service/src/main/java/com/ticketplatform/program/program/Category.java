package com.ticketplatform.program.program;

public enum Category {
  ACTION, COMEDY, DRAMA, ANIMATION, SCIFI, HORROR, ROMANCE, DOCUMENTARY, CONCERT, THEATRE;

  public static boolean isKnown(String name) {
    return java.util.Arrays.stream(values()).anyMatch(c -> c.name().equals(name));
  }
}
