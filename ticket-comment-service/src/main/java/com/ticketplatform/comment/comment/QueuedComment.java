package com.ticketplatform.comment.comment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A comment on the moderation queue: the comment as clients see it, how many distinct users reported it, and the
 * reasons they gave, newest first (at most {@value #MAX_REASONS}; the reporters are not named).
 */
public record QueuedComment(long id, long programId, long userId, @Schema(nullable = true) Long parentId,
    @Schema(nullable = true, description = "1 to 5 on a rating; null on a reply") Integer rating, String text,
    int likeCount, int replyCount, boolean edited, String status, Instant createdAt, Instant updatedAt,
    int reportCount, List<ReportReason> reports) {

  public static final int MAX_REASONS = 20;

  /** One user's report: the reason as they wrote it, and when. */
  public record ReportReason(String reason, Instant reportedAt) {}

  static QueuedComment of(CommentRow row, List<ReportReason> reports) {
    CommentView view = CommentView.of(row);
    return new QueuedComment(view.id(), view.programId(), view.userId(), view.parentId(), view.rating(), view.text(),
        view.likeCount(), view.replyCount(), view.edited(), view.status(), view.createdAt(), view.updatedAt(),
        row.reportCount == null ? 0 : row.reportCount,
        reports.size() > MAX_REASONS ? List.copyOf(reports.subList(0, MAX_REASONS)) : List.copyOf(reports));
  }
}
