package com.ticketplatform.comment.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.comment.comment.CommentRequests.LikeView;
import com.ticketplatform.comment.comment.CommentRequests.RateRequest;
import com.ticketplatform.comment.comment.CommentRequests.ReplyRequest;
import com.ticketplatform.comment.comment.CommentRequests.ReportRequest;
import com.ticketplatform.comment.comment.CommentService;
import com.ticketplatform.comment.comment.CommentSort;
import com.ticketplatform.comment.comment.CommentView;
import com.ticketplatform.comment.summary.RatingSummary;
import com.ticketplatform.comment.summary.RatingSummaryService;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.common.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public comment API of a program: reads are anonymous, writes need the gateway's X-User-Id. */
@RestController
@RequestMapping("/api/programs/{programId}/comments")
class CommentController {

  private final CommentService comments;
  private final RatingSummaryService summaries;

  CommentController(CommentService comments, RatingSummaryService summaries) {
    this.comments = comments;
    this.summaries = summaries;
  }

  @GetMapping
  CursorPage<CommentView> list(@PathVariable long programId, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
    return comments.list(programId, CommentSort.parse(sort), PageRequest.of(cursor, size));
  }

  @GetMapping("/summary")
  RatingSummary summary(@PathVariable long programId) {
    return summaries.summary(programId);
  }

  @GetMapping("/{commentId}")
  CommentView get(@PathVariable long programId, @PathVariable long commentId, Caller caller) {
    return comments.get(programId, commentId, caller.isAdmin());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<CommentView> rate(@PathVariable long programId, @Valid @RequestBody RateRequest request,
      Caller caller, @RequestHeader(value = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      HttpServletRequest http) {
    long userId = caller.requireUser();
    CommentService.Created created = comments.rate(programId, userId, ClientAddress.of(http), request,
        idempotencyKey);
    return created(programId, created);
  }

  @PutMapping("/{commentId}")
  CommentView edit(@PathVariable long programId, @PathVariable long commentId,
      @Valid @RequestBody RateRequest request, Caller caller) {
    return comments.edit(programId, commentId, caller.requireUser(), request);
  }

  @GetMapping("/{commentId}/replies")
  CursorPage<CommentView> replies(@PathVariable long programId, @PathVariable long commentId,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    return comments.replies(programId, commentId, PageRequest.of(cursor, size));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{commentId}/replies")
  ResponseEntity<CommentView> reply(@PathVariable long programId, @PathVariable long commentId,
      @Valid @RequestBody ReplyRequest request,
      Caller caller, @RequestHeader(value = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      HttpServletRequest http) {
    long userId = caller.requireUser();
    return created(programId,
        comments.reply(programId, commentId, userId, ClientAddress.of(http), request, idempotencyKey));
  }

  @PostMapping("/{commentId}/likes")
  LikeView like(@PathVariable long programId, @PathVariable long commentId, Caller caller) {
    return comments.like(programId, commentId, caller.requireUser());
  }

  @DeleteMapping("/{commentId}/likes")
  LikeView unlike(@PathVariable long programId, @PathVariable long commentId, Caller caller) {
    return comments.unlike(programId, commentId, caller.requireUser());
  }

  @ResponseStatus(HttpStatus.ACCEPTED)
  @PostMapping("/{commentId}/reports")
  ResponseEntity<Map<String, Object>> report(@PathVariable long programId, @PathVariable long commentId,
      @Valid @RequestBody ReportRequest request,
      Caller caller, HttpServletRequest http) {
    comments.report(programId, commentId, caller.requireUser(), ClientAddress.of(http),
        request.reason());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("commentId", commentId, "reported", true));
  }

  /** 201 for a new comment; a replay of the same Idempotency-Key answers the same way (with a marker header). */
  private static ResponseEntity<CommentView> created(long programId, CommentService.Created created) {
    CommentView view = created.comment();
    ResponseEntity.BodyBuilder response = ResponseEntity
        .created(URI.create("/api/programs/" + programId + "/comments/" + view.id()));
    if (created.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(view);
  }
}
