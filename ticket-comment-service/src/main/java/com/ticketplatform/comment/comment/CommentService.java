package com.ticketplatform.comment.comment;

import com.ticketplatform.comment.buyer.BuyerVerifier;
import com.ticketplatform.comment.comment.CommentRequests.LikeView;
import com.ticketplatform.comment.comment.CommentRequests.RateRequest;
import com.ticketplatform.comment.comment.CommentRequests.ReplyRequest;
import com.ticketplatform.starter.idempotency.IdempotencyOutcome;
import com.ticketplatform.starter.idempotency.RedisIdempotency;
import com.ticketplatform.comment.ratelimit.PostingRateLimiter;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comments, ratings, replies, likes and reports of a program. Rules enforced here: only verified buyers rate, one
 * rating per user per program (a unique key makes it a database fact, the pre-check only spares a remote call), no
 * banned words, a posting rate limit, and hidden comments invisible to everyone but moderators.
 */
@Service
public class CommentService {

  public static final String ALREADY_RATED = "ALREADY_RATED";
  public static final String BANNED_WORDS = "BANNED_WORDS";
  public static final String COMMENT_HIDDEN = "COMMENT_HIDDEN";

  private final CommentMapper comments;
  private final BuyerVerifier buyers;
  private final PostingRateLimiter rateLimiter;
  private final RedisIdempotency idempotency;
  private final ApplicationEventPublisher events;
  private final BannedWords bannedWords;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;
  private final CommentProperties properties;
  private final TransactionTemplate tx;

  public CommentService(CommentMapper comments, BuyerVerifier buyers, PostingRateLimiter rateLimiter,
      RedisIdempotency idempotency, ApplicationEventPublisher events, SnowflakeIdGenerator ids, Clock clock,
      CommentProperties properties, TransactionTemplate tx, BannedWords bannedWords) {
    this.tx = tx;
    this.comments = comments;
    this.buyers = buyers;
    this.rateLimiter = rateLimiter;
    this.idempotency = idempotency;
    this.events = events;
    this.bannedWords = bannedWords;
    this.ids = ids;
    this.clock = clock;
    this.properties = properties;
  }

  /** The outcome of a create: the comment and whether this call created it (false: an Idempotency-Key replay). */
  public record Created(CommentView comment, boolean replayed) {}

  // ---- reads ----

  public CursorPage<CommentView> list(long programId, CommentSort sort, PageRequest page) {
    List<CommentRow> rows;
    if (sort == CommentSort.NEWEST) {
      rows = comments.pageNewest(programId, 0L, page.afterLong(), page.size() + 1);
    } else {
      Integer afterLikes = null;
      Long afterId = null;
      if (!page.isFirst()) {
        long[] key = CommentSort.parseLikedKey(page.after());
        afterLikes = (int) key[0];
        afterId = key[1];
      }
      rows = comments.pageLiked(programId, afterLikes, afterId, page.size() + 1);
    }
    CursorPage<CommentRow> result = page.page(rows, sort::keyOf);
    return new CursorPage<>(result.items().stream().map(CommentView::of).toList(), result.nextCursor());
  }

  public CursorPage<CommentView> replies(long programId, long commentId, PageRequest page) {
    visibleComment(programId, commentId);
    List<CommentRow> rows = comments.pageNewest(programId, commentId, page.afterLong(), page.size() + 1);
    CursorPage<CommentRow> result = page.page(rows, CommentSort.NEWEST::keyOf);
    return new CursorPage<>(result.items().stream().map(CommentView::of).toList(), result.nextCursor());
  }

  public CommentView get(long programId, long commentId, boolean moderator) {
    CommentRow row = moderator ? commentOf(programId, commentId) : visibleComment(programId, commentId);
    return CommentView.of(row);
  }

  // ---- writes ----

  public Created rate(long programId, long userId, String clientAddress, RateRequest request,
      String idempotencyKey) {
    IdempotencyOutcome<Long> outcome = idempotency.execute("rate:" + userId, idempotencyKey,
        Long.class, () -> createRating(programId, userId, clientAddress, request),
        "rate", programId, request.rating(), request.text());
    return new Created(CommentView.of(comments.findById(outcome.value())), outcome.replayed());
  }

  private long createRating(long programId, long userId, String clientAddress, RateRequest request) {
    rejectBannedWords(request.text());
    if (comments.findRating(programId, userId) != null) {
      throw alreadyRated();
    }
    rateLimiter.post(userId, clientAddress);
    buyers.requireBuyer(userId, programId);
    CommentRow row = newRow(programId, userId, 0L, request.text());
    row.raterId = userId;
    row.rating = request.rating();
    try {
      comments.insert(row);
    } catch (DuplicateKeyException e) {
      throw alreadyRated();
    }
    events.publishEvent(new RatingsChanged(programId));
    return row.id;
  }

  @Transactional
  public CommentView edit(long programId, long commentId, long userId, RateRequest request) {
    CommentRow row = commentOf(programId, commentId);
    if (row.userId != userId) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "only the author may edit a comment");
    }
    if (!row.isTopLevel()) {
      throw ApiException.unprocessable(ErrorCodes.VALIDATION_FAILED, "replies cannot be edited");
    }
    if (!row.isVisible()) {
      throw ApiException.conflict(COMMENT_HIDDEN, "a hidden comment cannot be edited");
    }
    rejectBannedWords(request.text());
    row.rating = request.rating();
    row.text = request.text();
    row.updatedAt = now();
    comments.updateRatingAndText(row);
    events.publishEvent(new RatingsChanged(programId));
    return CommentView.of(comments.findById(commentId));
  }

  public Created reply(long programId, long parentId, long userId, String clientAddress, ReplyRequest request,
      String idempotencyKey) {
    IdempotencyOutcome<Long> outcome = idempotency.execute("reply:" + userId, idempotencyKey,
        Long.class, () -> tx.execute(status -> createReply(programId, parentId, userId, clientAddress, request)),
        "reply", programId, parentId, request.text());
    return new Created(CommentView.of(comments.findById(outcome.value())), outcome.replayed());
  }

  private long createReply(long programId, long parentId, long userId, String clientAddress,
      ReplyRequest request) {
    CommentRow parent = visibleComment(programId, parentId);
    if (!parent.isTopLevel()) {
      throw ApiException.unprocessable(ErrorCodes.VALIDATION_FAILED, "replies to replies are not supported");
    }
    rejectBannedWords(request.text());
    rateLimiter.post(userId, clientAddress);
    CommentRow row = newRow(programId, userId, parentId, request.text());
    comments.insert(row);
    comments.addReplies(parentId, programId, 1);
    return row.id;
  }

  @Transactional
  public LikeView like(long programId, long commentId, long userId) {
    visibleComment(programId, commentId);
    if (comments.insertLike(commentId, userId, programId, now()) == 1) {
      comments.addLikes(commentId, programId, 1);
    }
    return new LikeView(commentId, true, comments.findById(commentId).likeCount);
  }

  @Transactional
  public LikeView unlike(long programId, long commentId, long userId) {
    CommentRow row = commentOf(programId, commentId);
    if (comments.deleteLike(commentId, userId, programId) == 1) {
      comments.addLikes(commentId, programId, -1);
      row = comments.findById(commentId);
    }
    return new LikeView(commentId, false, row.likeCount);
  }

  /**
   * Records an abuse report (once per user and comment); enough distinct reports hide the comment for review. Reports
   * from one client address are limited, so a batch of throwaway accounts cannot hide whatever it likes.
   */
  @Transactional
  public void report(long programId, long commentId, long userId, String clientAddress, String reason) {
    CommentRow row = visibleComment(programId, commentId);
    rateLimiter.report(clientAddress);
    if (comments.insertReport(commentId, userId, programId, reason, now()) == 0) {
      return;
    }
    comments.incrementReports(commentId, programId);
    int threshold = properties.autoHideReports();
    if (threshold > 0 && row.reportCount + 1 >= threshold) {
      changeVisibility(row, CommentRow.VISIBLE, CommentRow.HIDDEN);
    }
  }

  // ---- moderation ----

  /**
   * Comments needing a moderator's eye: {@code reported} (visible, reported at least once) or {@code hidden}, each
   * with its report count and the reasons given.
   */
  public CursorPage<QueuedComment> moderationQueue(String filter, PageRequest page) {
    boolean hidden;
    if (filter == null || filter.isBlank() || filter.equalsIgnoreCase("reported")) {
      hidden = false;
    } else if (filter.equalsIgnoreCase("hidden")) {
      hidden = true;
    } else {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "filter must be 'reported' or 'hidden'");
    }
    CursorPage<CommentRow> rows = page.page(comments.moderationQueue(hidden, page.afterLong(), page.size() + 1),
        CommentSort.NEWEST::keyOf);
    Map<Long, List<QueuedComment.ReportReason>> reports = new HashMap<>();
    List<Long> reported = rows.items().stream().filter(r -> r.reportCount != null && r.reportCount > 0)
        .map(r -> r.id).toList();
    if (!reported.isEmpty()) {
      for (CommentMapper.ReportRow report : comments.reportsOf(reported)) {
        reports.computeIfAbsent(report.commentId, id -> new ArrayList<>())
            .add(new QueuedComment.ReportReason(report.reason, report.createdAt.toInstant(ZoneOffset.UTC)));
      }
    }
    return new CursorPage<>(rows.items().stream()
        .map(row -> QueuedComment.of(row, reports.getOrDefault(row.id, List.of()))).toList(), rows.nextCursor());
  }

  @Transactional
  public CommentView hide(long commentId) {
    CommentRow row = comments.findById(commentId);
    if (row == null) {
      throw ApiException.notFound("comment");
    }
    changeVisibility(row, CommentRow.VISIBLE, CommentRow.HIDDEN);
    return CommentView.of(comments.findById(commentId));
  }

  @Transactional
  public CommentView restore(long commentId) {
    CommentRow row = comments.findById(commentId);
    if (row == null) {
      throw ApiException.notFound("comment");
    }
    changeVisibility(row, CommentRow.HIDDEN, CommentRow.VISIBLE);
    return CommentView.of(comments.findById(commentId));
  }

  /** Conditional status change; a comment already in the target state is left alone (hide/restore are idempotent). */
  private void changeVisibility(CommentRow row, String from, String to) {
    if (comments.changeStatus(row.id, from, to, now()) == 0) {
      return;
    }
    if (row.isTopLevel()) {
      events.publishEvent(new RatingsChanged(row.programId));
    } else {
      // a hidden reply is not counted on its parent
      comments.addReplies(row.parentId, row.programId, CommentRow.HIDDEN.equals(to) ? -1 : 1);
    }
  }

  // ---- helpers ----

  private CommentRow commentOf(long programId, long commentId) {
    CommentRow row = comments.findById(commentId);
    if (row == null || row.programId != programId) {
      throw ApiException.notFound("comment");
    }
    return row;
  }

  private CommentRow visibleComment(long programId, long commentId) {
    CommentRow row = commentOf(programId, commentId);
    if (!row.isVisible()) {
      throw ApiException.notFound("comment");
    }
    return row;
  }

  private CommentRow newRow(long programId, long userId, long parentId, String text) {
    CommentRow row = new CommentRow();
    row.id = ids.nextIdFor(programId);
    row.programId = programId;
    row.userId = userId;
    row.parentId = parentId;
    row.text = text;
    row.status = CommentRow.VISIBLE;
    row.likeCount = 0;
    row.replyCount = 0;
    row.reportCount = 0;
    row.edited = false;
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    return row;
  }

  private void rejectBannedWords(String text) {
    bannedWords.firstMatch(text).ifPresent(word -> {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, BANNED_WORDS,
          "the text contains words that are not allowed", Map.of("word", word));
    });
  }

  private static ApiException alreadyRated() {
    return ApiException.conflict(ALREADY_RATED, "you already rated this program; edit your comment instead");
  }

  private LocalDateTime now() {
    // millisecond precision, like the DATETIME(3) columns, so what we return equals what a re-read returns
    LocalDateTime now = LocalDateTime.now(clock);
    return now.withNano(now.getNano() / 1_000_000 * 1_000_000);
  }
}
