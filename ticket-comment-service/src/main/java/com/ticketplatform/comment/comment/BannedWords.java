package com.ticketplatform.comment.comment;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The banned words, kept by admins in this service's schema ({@code t_banned_word}, {@code t_banned_word_list}) and
 * seeded once from {@code ticket.comment.banned-words} when there is no list yet. Each instance filters with a copy of
 * the list and its version: a replace on this instance swaps the copy at once; every other instance compares the
 * stored version when its copy is older than {@code ticket.comment.banned-words-refresh} and reloads when it changed.
 * If the database cannot be read, the last copy (or, before any, the configured list) goes on filtering.
 */
@Component
public class BannedWords {

  public static final int MAX_WORDS = 500;
  public static final int MAX_LENGTH = 64;

  private static final Logger log = LoggerFactory.getLogger(BannedWords.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final CommentProperties properties;
  private volatile Copy copy;

  /** The list as kept: the words in the admin's order, its version (1 = the seed), when it was last replaced. */
  private record Copy(BannedWordList list, BannedWordsFilter filter, Instant checkedAt) {}

  public BannedWords(DataSource dataSource, TransactionTemplate tx, Clock clock, CommentProperties properties) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  /** The first banned word in the text, as written there, by the current list. */
  public Optional<String> firstMatch(String text) {
    return current().firstMatch(text);
  }

  /** The stored list, read now. */
  public BannedWordList list() {
    BannedWordList list = load();
    use(list);
    return list;
  }

  /**
   * Replaces the whole list. The words are trimmed; one that is blank, longer than {@value #MAX_LENGTH} characters,
   * or more than {@value #MAX_WORDS} distinct words refuse the whole request (400, nothing changed). A word equal to
   * an earlier one but for case or compatibility forms is dropped. The same list again changes nothing, not even the
   * version.
   */
  public BannedWordList replace(List<String> words, long adminId) {
    List<String> clean = validated(words);
    if (head() == null) {
      seed();
    }
    BannedWordList replaced = tx.execute(status -> {
      jdbc.queryForObject("SELECT version FROM t_banned_word_list WHERE id = 1 FOR UPDATE", Long.class);
      if (words().equals(clean)) {
        return new BannedWordList(clean, head().version(), head().updatedAt());
      }
      jdbc.update("DELETE FROM t_banned_word");
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < clean.size(); i++) {
        rows.add(new Object[] {i, clean.get(i)});
      }
      jdbc.batchUpdate("INSERT INTO t_banned_word (position, word) VALUES (?, ?)", rows);
      jdbc.update("UPDATE t_banned_word_list SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = 1",
          Timestamp.from(now()), adminId);
      Head head = head();
      return new BannedWordList(clean, head.version(), head.updatedAt());
    });
    use(replaced);
    return replaced;
  }

  static List<String> validated(List<String> words) {
    if (words == null) {
      throw invalid("words is required: the whole list, one word or short phrase per item (an empty list bans none)");
    }
    List<String> clean = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i) == null ? "" : words.get(i).strip();
      if (word.isEmpty()) {
        throw invalid("word " + (i + 1) + " is blank");
      }
      if (word.codePointCount(0, word.length()) > MAX_LENGTH) {
        throw invalid("word " + (i + 1) + " is longer than " + MAX_LENGTH + " characters: " + word);
      }
      if (seen.add(BannedWordsFilter.normalize(word))) {
        clean.add(word);
      }
    }
    if (clean.size() > MAX_WORDS) {
      throw invalid("at most " + MAX_WORDS + " banned words, not " + clean.size());
    }
    return clean;
  }

  private static ApiException invalid(String detail) {
    return ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, detail);
  }

  private BannedWordsFilter current() {
    Copy c = copy;
    Instant now = now();
    if (c != null && fresh(c, now)) {
      return c.filter();
    }
    synchronized (this) {
      c = copy;
      if (c != null && fresh(c, now)) {
        return c.filter();
      }
      try {
        Head head = head();
        if (c != null && head != null && head.version() == c.list().version()) {
          copy = new Copy(c.list(), c.filter(), now);
        } else {
          use(load());
        }
      } catch (RuntimeException e) {
        log.warn("banned words not refreshed, the last known list goes on: {}", e.toString());
        if (c == null) {
          // never read: the configured list until the database answers (checked again after the refresh time)
          BannedWordList configured = new BannedWordList(properties.bannedWords(), 0, now);
          copy = new Copy(configured, new BannedWordsFilter(configured.words()), now);
        } else {
          copy = new Copy(c.list(), c.filter(), now);
        }
      }
      return copy.filter();
    }
  }

  private boolean fresh(Copy c, Instant now) {
    return !now.isBefore(c.checkedAt()) && now.isBefore(c.checkedAt().plus(properties.bannedWordsRefresh()));
  }

  /** Takes a list read or written now, unless a newer version is already in use. */
  private synchronized void use(BannedWordList list) {
    Copy c = copy;
    if (c == null || list.version() >= c.list().version()) {
      copy = new Copy(list, new BannedWordsFilter(list.words()), now());
    }
  }

  private BannedWordList load() {
    if (head() == null) {
      seed();
    }
    return tx.execute(status -> {
      Head head = head();
      return new BannedWordList(words(), head.version(), head.updatedAt());
    });
  }

  /** The configured words become the list, once: of two instances starting together, one inserts the list row. */
  private void seed() {
    List<String> seed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String word : properties.bannedWords()) {
      String w = word.strip();
      if (!w.isEmpty() && w.codePointCount(0, w.length()) <= MAX_LENGTH && seen.add(BannedWordsFilter.normalize(w))
          && seed.size() < MAX_WORDS) {
        seed.add(w);
      }
    }
    tx.executeWithoutResult(status -> {
      if (jdbc.update("INSERT IGNORE INTO t_banned_word_list (id, version, updated_at, updated_by) VALUES (1, 1, ?,"
          + " NULL)", Timestamp.from(now())) == 1) {
        for (int i = 0; i < seed.size(); i++) {
          jdbc.update("INSERT INTO t_banned_word (position, word) VALUES (?, ?)", i, seed.get(i));
        }
      }
    });
  }

  private record Head(long version, Instant updatedAt) {}

  private Head head() {
    return jdbc.query("SELECT version, updated_at FROM t_banned_word_list WHERE id = 1",
        (rs, i) -> new Head(rs.getLong(1), rs.getTimestamp(2).toInstant())).stream().findFirst().orElse(null);
  }

  private List<String> words() {
    return jdbc.queryForList("SELECT word FROM t_banned_word ORDER BY position", String.class);
  }

  private Instant now() {
    return clock.instant();
  }
}
