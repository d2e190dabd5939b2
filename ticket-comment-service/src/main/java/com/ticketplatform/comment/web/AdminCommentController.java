package com.ticketplatform.comment.web;

import com.ticketplatform.comment.comment.BannedWordList;
import com.ticketplatform.comment.comment.BannedWords;
import com.ticketplatform.comment.comment.CommentRequests.BannedWordsRequest;
import com.ticketplatform.comment.comment.CommentService;
import com.ticketplatform.comment.comment.CommentView;
import com.ticketplatform.comment.comment.QueuedComment;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moderation: the queue of reported and hidden comments with the reports' reasons; hide a comment from everyone (it
 * leaves lists and the rating summary) or bring it back; the banned words. ADMIN only, like every
 * {@code /api/admin/**} route (AdminRoutesGuard).
 */
@RestController
@RequestMapping("/api/admin/comments")
class AdminCommentController {

  private final CommentService comments;
  private final BannedWords bannedWords;

  AdminCommentController(CommentService comments, BannedWords bannedWords) {
    this.comments = comments;
    this.bannedWords = bannedWords;
  }

  @GetMapping
  CursorPage<QueuedComment> queue(@RequestParam(required = false) String filter,
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

  @Operation(summary = "The banned words: a comment or reply containing one (whole words, any case) is refused")
  @GetMapping("/banned-words")
  BannedWordList bannedWords() {
    return bannedWords.list();
  }

  @Operation(summary = "Replaces the whole list of banned words; the same list again changes nothing. Every instance"
      + " uses it within seconds, this one at once")
  @PutMapping("/banned-words")
  BannedWordList replaceBannedWords(@RequestBody BannedWordsRequest request, Caller caller) {
    return bannedWords.replace(request.words(), caller.requireAdmin().requireUser());
  }
}
