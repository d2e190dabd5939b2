package com.ticketplatform.comment.comment;

import java.time.LocalDateTime;

/** One row of {@code t_comment} (MyBatis maps columns onto the fields by name, underscores to camel case). */
public class CommentRow {

  public static final String VISIBLE = "VISIBLE";
  public static final String HIDDEN = "HIDDEN";

  public Long id;
  public Long programId;
  public Long userId;
  public Long parentId;
  public Long raterId;
  public Integer rating;
  public String text;
  public String status;
  public Integer likeCount;
  public Integer replyCount;
  public Integer reportCount;
  public Boolean edited;
  public LocalDateTime createdAt;
  public LocalDateTime updatedAt;

  public boolean isTopLevel() {
    return parentId == null || parentId == 0L;
  }

  public boolean isVisible() {
    return VISIBLE.equals(status);
  }
}
