package com.ticketplatform.comment.comment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the comment API. */
public final class CommentRequests {

  private CommentRequests() {}

  public static final int MAX_TEXT = 2000;

  /** A rating with its review text (create or edit). */
  public record RateRequest(@NotNull @Min(1) @Max(5) Integer rating, @NotBlank @Size(max = MAX_TEXT) String text) {}

  public record ReplyRequest(@NotBlank @Size(max = MAX_TEXT) String text) {}

  public record ReportRequest(@NotBlank @Size(max = 500) String reason) {}

  /** Outcome of a like or unlike: the caller's state and the comment's current count. */
  public record LikeView(long commentId, boolean liked, int likeCount) {}
}
