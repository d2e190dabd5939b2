package com.ticketplatform.comment.web;

import com.ticketplatform.comment.comment.CommentService;
import com.ticketplatform.comment.comment.CommentView;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Moderation: the queue of reported and hidden comments; hide a comment from everyone (it leaves lists and the rating summary) or bring it back. */
@RestController
@RequestMapping("/api/admin/comments")
class AdminCommentController {

  private final CommentService comments;

  AdminCommentController(CommentService comments) {
    this.comments = comments;
  }

  @GetMapping
  CursorPage<CommentView> queue(@RequestParam(required = false) String filter,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    return comments.moderationQueue(filter, PageRequest.of(cursor, size));
  }

  @PostMapping("/{commentId}/hide")
  CommentView hide(@PathVariable long commentId) {
    return comments.hide(commentId);
  }

  @PostMapping("/{commentId}/restore")
  CommentView restore(@PathVariable long commentId) {
    return comments.restore(commentId);
  }
}
