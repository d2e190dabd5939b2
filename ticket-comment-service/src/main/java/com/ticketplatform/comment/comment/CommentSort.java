package com.ticketplatform.comment.comment;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.util.Locale;

/** Orders of the comment list. The cursor of each encodes the sort key of the last row returned. */
public enum CommentSort {
  NEWEST,
  LIKED;

  public static CommentSort parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return NEWEST;
    }
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "sort must be 'newest' or 'liked'");
    }
  }

  /** The sort key of a row: {@code id} for newest, {@code likes:id} for liked. */
  String keyOf(CommentRow row) {
    return this == NEWEST ? Long.toString(row.id) : row.likeCount + ":" + row.id;
  }

  /** Parses a liked-cursor key into {likes, id}; anything else is a cursor this list did not issue. */
  static long[] parseLikedKey(String key) {
    int colon = key.indexOf(':');
    try {
      if (colon <= 0) {
        throw new NumberFormatException();
      }
      return new long[] {Long.parseLong(key.substring(0, colon)), Long.parseLong(key.substring(colon + 1))};
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(ErrorCodes.BAD_CURSOR, "cursor is not valid for this list");
    }
  }
}
