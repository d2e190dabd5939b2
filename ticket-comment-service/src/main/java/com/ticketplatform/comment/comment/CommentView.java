package com.ticketplatform.comment.comment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneOffset;

/** A comment as clients see it. {@code rating} is null for replies; {@code parentId} is null for top-level comments. */
public record CommentView(long id, long programId, long userId, @Schema(nullable = true) Long parentId,
    @Schema(nullable = true, description = "1 to 5 on a rating; null on a reply") Integer rating, String text,
    int likeCount, int replyCount, boolean edited, String status, Instant createdAt, Instant updatedAt) {

  static CommentView of(CommentRow row) {
    return new CommentView(row.id, row.programId, row.userId, row.isTopLevel() ? null : row.parentId, row.rating,
        row.text, row.likeCount, row.replyCount, Boolean.TRUE.equals(row.edited), row.status,
        row.createdAt.toInstant(ZoneOffset.UTC), row.updatedAt.toInstant(ZoneOffset.UTC));
  }
}
