package com.ticketplatform.comment.comment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The banned words as kept: in the admin's order, with the list's version (every change adds one). */
public record BannedWordList(List<String> words,
    @Schema(description = "1 for the list seeded from configuration; every change adds one") long version,
    Instant updatedAt) {

  public BannedWordList {
    words = List.copyOf(words);
  }
}
