package com.ticketplatform.notify.preference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages notices are written in; English unless a user chose or last used another. */
public enum Language {
  EN("en", Locale.ENGLISH),
  ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

  private final String tag;
  private final Locale locale;

  Language(String tag, Locale locale) {
    this.tag = tag;
    this.locale = locale;
  }

  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** Exactly "en" or "zh-CN" (case-insensitive), as a client chooses one. */
  public static Optional<Language> ofTag(String tag) {
    return tag == null ? Optional.empty()
        : Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag.strip())).findFirst();
  }

  /**
   * The first supported language of an Accept-Language header, in the client's order of preference: any Chinese
   * is zh-CN, any English en; nothing supported is empty.
   */
  public static Optional<Language> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank() || header.length() > 500) {
      return Optional.empty();
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String tag = range.getRange().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
          return Optional.of(ZH_CN);
        }
        if (tag.startsWith("en")) {
          return Optional.of(EN);
        }
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
