package com.ticketplatform.comment.comment;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds banned words in a text. Matching is case-insensitive and whole-word: "ass" is banned but "class" and
 * "passage" are fine, while "ASS!" is caught; a banned phrase matches with any whitespace between its words.
 * Letters and digits count as word characters in any script, so a word glued to others is not a match.
 */
public final class BannedWordsFilter {

  private final Pattern pattern;

  public BannedWordsFilter(Collection<String> bannedWords) {
    List<String> words = bannedWords.stream()
        .map(String::trim)
        .filter(w -> !w.isEmpty())
        .map(BannedWordsFilter::normalize)
        .toList();
    if (words.isEmpty()) {
      pattern = null;
      return;
    }
    StringBuilder alternatives = new StringBuilder();
    for (String word : words) {
      if (!alternatives.isEmpty()) {
        alternatives.append('|');
      }
      // inner whitespace of a phrase matches any run of whitespace
      String[] parts = word.split("\\s+");
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          alternatives.append("\\s+");
        }
        alternatives.append(Pattern.quote(parts[i]));
      }
    }
    pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The first banned word found in the text, as written there. */
  public Optional<String> firstMatch(String text) {
    if (pattern == null || text == null) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(normalize(text));
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }

  /**
   * Folds full-width and other compatibility forms and case so "ＢＡＤ" is "bad": two words with the same fold are the
   * same banned word.
   */
  public static String normalize(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
