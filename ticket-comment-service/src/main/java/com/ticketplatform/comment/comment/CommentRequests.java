package com.ticketplatform.comment.comment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the comment API. */
public final class CommentRequests {

  private CommentRequests() {}

  public static final int MAX_TEXT = 2000;

  /** A rating with its review text (create or edit). */
  public record RateRequest(@NotNull @Min(1) @Max(5) Integer rating, @NotBlank @Size(max = MAX_TEXT) String text) {}

  public record ReplyRequest(@NotBlank @Size(max = MAX_TEXT) String text) {}

  public record ReportRequest(@NotBlank @Size(max = 500) String reason) {}

  /**
   * The whole list of banned words (an empty list bans none). Checked by {@link BannedWords#replace}, which says which
   * word is wrong.
   */
  public record BannedWordsRequest(
      @Schema(description = "each trimmed, not blank, at most 64 characters; at most 500 once duplicates (ignoring case)"
          + " are dropped") List<String> words) {}

  /** Outcome of a like or unlike: the caller's state and the comment's current count. */
  public record LikeView(long commentId, boolean liked, int likeCount) {}
}
