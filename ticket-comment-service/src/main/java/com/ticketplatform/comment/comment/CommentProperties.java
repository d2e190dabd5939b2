package com.ticketplatform.comment.comment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Moderation and abuse settings ({@code ticket.comment.*}).
 *
 * @param bannedWords words (or short phrases) a comment may not contain, matched case-insensitively as whole words
 * @param postsPerWindow how many comments/replies one user may post per {@code postWindow}
 * @param autoHideReports distinct abuse reports after which a comment is hidden pending review (0 = never)
 * @param summaryTtl how long a computed rating summary may stay cached (writes invalidate it sooner)
 * @param idempotencyTtl how long an Idempotency-Key is remembered
 */
@ConfigurationProperties("ticket.comment")
public record CommentProperties(List<String> bannedWords, Integer postsPerWindow, Duration postWindow,
    Integer autoHideReports, Duration summaryTtl, Duration idempotencyTtl) {

  public CommentProperties {
    bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
    postsPerWindow = postsPerWindow == null ? 5 : postsPerWindow;
    postWindow = postWindow == null ? Duration.ofMinutes(1) : postWindow;
    autoHideReports = autoHideReports == null ? 5 : autoHideReports;
    summaryTtl = summaryTtl == null ? Duration.ofHours(1) : summaryTtl;
    idempotencyTtl = idempotencyTtl == null ? Duration.ofHours(24) : idempotencyTtl;
  }
}
