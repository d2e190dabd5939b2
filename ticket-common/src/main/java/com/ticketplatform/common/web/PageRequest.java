package com.ticketplatform.common.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor paging (docs/ARCHITECTURE.md §4): {@code ?cursor=&size=}, size 1..100 (default 20). The cursor is an opaque token for
 * the sort key of the last row returned; a token this server did not issue is a 400, never a silent first page.
 */
public record PageRequest(String after, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  private static final String PREFIX = "c1:";

  /** Parses raw query values; null cursor means the first page, null size the default. */
  public static PageRequest of(String cursor, Integer size) {
    int effective = bounded("size", size, DEFAULT_SIZE, MAX_SIZE);
    return new PageRequest(cursor == null || cursor.isBlank() ? null : decode(cursor), effective);
  }

  /**
   * A list's count parameter ({@code size} here, a plain {@code ?limit=} elsewhere): {@code fallback} when absent,
   * else 1..{@code max}, or 400 VALIDATION_FAILED naming the parameter.
   */
  public static int bounded(String name, Integer value, int fallback, int max) {
    int effective = value == null ? fallback : value;
    if (effective < 1 || effective > max) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, name + " must be between 1 and " + max);
    }
    return effective;
  }

  public boolean isFirst() {
    return after == null;
  }

  /** The cursor's sort key as a number, for lists ordered by a numeric id. */
  public Long afterLong() {
    if (after == null) {
      return null;
    }
    try {
      return Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(ErrorCodes.BAD_CURSOR, "cursor is not valid for this list");
    }
  }

  public static String encode(String sortKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + sortKey).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Builds the page from rows fetched with {@code LIMIT size + 1}: the extra row only tells that there is more.
   */
  public <T> CursorPage<T> page(List<T> fetched, Function<T, String> sortKey) {
    if (fetched.size() <= size) {
      return new CursorPage<>(fetched, null);
    }
    List<T> items = fetched.subList(0, size);
    return new CursorPage<>(items, encode(sortKey.apply(items.get(size - 1))));
  }

  private static String decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!raw.startsWith(PREFIX) || raw.length() == PREFIX.length()) {
        throw new IllegalArgumentException("unknown cursor format");
      }
      return raw.substring(PREFIX.length());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(ErrorCodes.BAD_CURSOR, "cursor is not valid for this list");
    }
  }
}
