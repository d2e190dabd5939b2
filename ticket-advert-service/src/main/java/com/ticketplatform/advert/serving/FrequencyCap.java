package com.ticketplatform.advert.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts per user, advert and (UTC) day how often an advert was served, in one Redis hash per user and day that
 * expires after two days. When Redis is unavailable adverts are served uncapped: capping is a courtesy, not a rule
 * whose failure should blank the placement.
 */
@Component
public class FrequencyCap {

  private static final Logger log = LoggerFactory.getLogger(FrequencyCap.class);
  private static final Duration KEEP = Duration.ofDays(2);

  private final StringRedisTemplate redis;
  private final Clock clock;

  public FrequencyCap(StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  String key(long userId) {
    return "advert:freq:" + LocalDate.now(clock) + ":" + userId;
  }

  /** How many times each advert was shown to the user today. */
  public Map<Long, Long> shownToday(long userId) {
    Map<Long, Long> counts = new HashMap<>();
    try {
      redis.<String, String>opsForHash().entries(key(userId))
          .forEach((advertId, n) -> counts.put(Long.valueOf(advertId), Long.valueOf(n)));
    } catch (RuntimeException e) {
      log.warn("frequency cap read failed for user {}: {}", userId, e.toString());
    }
    return counts;
  }

  /** Records one impression of each advert. */
  public void recordShown(long userId, List<Long> advertIds) {
    if (advertIds.isEmpty()) {
      return;
    }
    String key = key(userId);
    try {
      List<Long> ids = new ArrayList<>(advertIds);
      redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
        byte[] rawKey = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (Long id : ids) {
          connection.hashCommands().hIncrBy(rawKey, id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
              1);
        }
        connection.keyCommands().expire(rawKey, KEEP.toSeconds());
        return null;
      });
    } catch (RuntimeException e) {
      log.warn("frequency cap write failed for user {}: {}", userId, e.toString());
    }
  }
}
