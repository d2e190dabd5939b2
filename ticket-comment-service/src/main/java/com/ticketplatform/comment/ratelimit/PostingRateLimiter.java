package com.ticketplatform.comment.ratelimit;

import com.ticketplatform.comment.comment.CommentProperties;
import com.ticketplatform.common.ratelimit.FixedWindowLimiter;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Posting limits: per user, and per client address across all its accounts, so a batch of throwaway accounts from
 * one place shares one budget for posts and for abuse reports (docs/ARCHITECTURE.md §9). A request with no vouched
 * address is limited per user only.
 */
@Component
public class PostingRateLimiter {

  private final CommentProperties properties;
  private final FixedWindowLimiter postsByUser;
  private final FixedWindowLimiter postsByClient;
  private final FixedWindowLimiter reportsByClient;

  public PostingRateLimiter(StringRedisTemplate redis, CommentProperties properties) {
    this.properties = properties;
    this.postsByUser = new FixedWindowLimiter(redis, "comment:rate:", "posts");
    this.postsByClient = new FixedWindowLimiter(redis, "comment:rate:client:", "posts from one address");
    this.reportsByClient = new FixedWindowLimiter(redis, "comment:report:client:", "reports from one address");
  }

  /** Counts one comment or reply; 429 with Retry-After when the user or their address is over its limit. */
  public void post(long userId, String clientAddress) {
    postsByUser.hit(Long.toString(userId), properties.postsPerWindow(), properties.postWindow());
    if (clientAddress != null && !clientAddress.isBlank()) {
      postsByClient.hit(clientAddress, properties.postsPerClient(), properties.clientWindow());
    }
  }

  /** Counts one abuse report from the address; 429 when it is over its limit. */
  public void report(String clientAddress) {
    if (clientAddress != null && !clientAddress.isBlank()) {
      reportsByClient.hit(clientAddress, properties.reportsPerClient(), properties.clientWindow());
    }
  }
}
