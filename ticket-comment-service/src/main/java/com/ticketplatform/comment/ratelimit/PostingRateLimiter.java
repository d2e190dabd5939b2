package com.ticketplatform.comment.ratelimit;

import com.ticketplatform.common.ratelimit.FixedWindowLimiter;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Posting limits: per user, and per client address across all its accounts, so a batch of throwaway accounts from
 * one place shares one budget for posts and for abuse reports (docs/ARCHITECTURE.md §9). A request with no vouched
 * address is limited per user only. The limits come from the service's settings, wired in its configuration.
 */
public class PostingRateLimiter {

  /**
   * @param postsPerWindow comments/replies one user may post per {@code postWindow}
   * @param postWindow the window of the per-user limit
   * @param postsPerClient comments/replies all accounts at one client address may post per {@code clientWindow}
   * @param reportsPerClient abuse reports all accounts at one client address may file per {@code clientWindow}
   * @param clientWindow the window of the per-address limits
   */
  public record Limits(int postsPerWindow, Duration postWindow, int postsPerClient, int reportsPerClient,
      Duration clientWindow) {}

  private final Limits limits;
  private final FixedWindowLimiter postsByUser;
  private final FixedWindowLimiter postsByClient;
  private final FixedWindowLimiter reportsByClient;

  public PostingRateLimiter(StringRedisTemplate redis, Limits limits) {
    this.limits = limits;
    this.postsByUser = new FixedWindowLimiter(redis, "comment:rate:", "posts");
    this.postsByClient = new FixedWindowLimiter(redis, "comment:rate:client:", "posts from one address");
    this.reportsByClient = new FixedWindowLimiter(redis, "comment:report:client:", "reports from one address");
  }

  /** Counts one comment or reply; 429 with Retry-After when the user or their address is over its limit. */
  public void post(long userId, String clientAddress) {
    postsByUser.hit(Long.toString(userId), limits.postsPerWindow(), limits.postWindow());
    if (clientAddress != null && !clientAddress.isBlank()) {
      postsByClient.hit(clientAddress, limits.postsPerClient(), limits.clientWindow());
    }
  }

  /** Counts one abuse report from the address; 429 when it is over its limit. */
  public void report(String clientAddress) {
    if (clientAddress != null && !clientAddress.isBlank()) {
      reportsByClient.hit(clientAddress, limits.reportsPerClient(), limits.clientWindow());
    }
  }
}
