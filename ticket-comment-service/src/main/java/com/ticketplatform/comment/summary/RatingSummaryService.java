package com.ticketplatform.comment.summary;

import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.comment.comment.CommentMapper;
import com.ticketplatform.comment.comment.CommentProperties;
import com.ticketplatform.comment.comment.RatingsChanged;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rating summaries cached in Redis under a per-program generation number. Every write that can change a summary
 * (announced as {@link RatingsChanged}) bumps the generation after its transaction commits; readers look up the
 * summary of the current generation only. A reader that computed from old data while a write happened therefore
 * stores its result under a generation nobody asks for any more, so no stale summary survives an edit or a hide
 * (plain delete-on-write would let it back in).
 */
@Service
public class RatingSummaryService {

  private static final Logger log = LoggerFactory.getLogger(RatingSummaryService.class);

  private final CommentMapper comments;
  private final StringRedisTemplate redis;
  private final ObjectMapper json;
  private final CommentProperties properties;

  public RatingSummaryService(CommentMapper comments, StringRedisTemplate redis, ObjectMapper json,
      CommentProperties properties) {
    this.comments = comments;
    this.redis = redis;
    this.json = json;
    this.properties = properties;
  }

  static String generationKey(long programId) {
    return "comment:summary:gen:" + programId;
  }

  static String summaryKey(long programId, String generation) {
    return "comment:summary:" + programId + ":" + generation;
  }

  public RatingSummary summary(long programId) {
    String generation = null;
    try {
      generation = redis.opsForValue().get(generationKey(programId));
      generation = generation == null ? "0" : generation;
      String cached = redis.opsForValue().get(summaryKey(programId, generation));
      if (cached != null) {
        return json.readValue(cached, RatingSummary.class);
      }
    } catch (RuntimeException e) {
      // the cache is an accelerator: when Redis is unavailable the summary is computed from the database
      log.warn("rating summary cache read failed for program {}: {}", programId, e.toString());
    }
    RatingSummary summary = compute(programId);
    if (generation != null) {
      try {
        redis.opsForValue().set(summaryKey(programId, generation), json.writeValueAsString(summary),
            properties.summaryTtl());
      } catch (RuntimeException e) {
        log.warn("rating summary cache write failed for program {}: {}", programId, e.toString());
      }
    }
    return summary;
  }

  RatingSummary compute(long programId) {
    Map<Integer, Long> counts = new HashMap<>();
    for (CommentMapper.RatingCount bucket : comments.ratingHistogram(programId)) {
      if (bucket.stars != null) {
        counts.put(bucket.stars, bucket.n);
      }
    }
    return RatingSummary.of(programId, counts);
  }

  /** A rating of the program changed: its summary is stale once the writer's transaction commits. */
  @EventListener
  public void onRatingsChanged(RatingsChanged changed) {
    invalidateAfterCommit(changed.programId());
  }

  /** Invalidates the program's summary once the current transaction commits (at once when there is none). */
  void invalidateAfterCommit(long programId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          invalidate(programId);
        }
      });
    } else {
      invalidate(programId);
    }
  }

  private void invalidate(long programId) {
    try {
      redis.opsForValue().increment(generationKey(programId));
    } catch (RuntimeException e) {
      // bounded staleness: the old generation's entry expires after summaryTtl
      log.warn("rating summary invalidation failed for program {}: {}", programId, e.toString());
    }
  }
}
