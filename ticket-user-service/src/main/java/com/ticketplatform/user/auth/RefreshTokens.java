package com.ticketplatform.user.auth;

import com.ticketplatform.common.error.ApiException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;

/**
 * Opaque refresh tokens in Redis, stored only as SHA-256 hashes. A token is {@code <family>.<secret>}; each login
 * starts a family, each refresh uses the presented token up and issues the next one of the same family. Presenting a
 * used token again means it was copied: the whole family is revoked, so neither the thief nor the victim can refresh
 * (the victim logs in again). The check, the use and the next token happen in one Lua script, so two concurrent
 * refreshes of one token cannot both succeed.
 */
public class RefreshTokens {

  public static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";
  public static final String REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED";

  private static final RedisScript<List> ROTATE = RedisScript.of("""
      local userId = redis.call('HGET', KEYS[1], 'userId')
      if not userId then return {'UNKNOWN'} end
      if redis.call('HGET', KEYS[1], 'used') == '1' then
        redis.call('DEL', KEYS[2])
        return {'REUSED', userId}
      end
      if redis.call('EXISTS', KEYS[2]) == 0 then return {'REVOKED', userId} end
      redis.call('HSET', KEYS[1], 'used', '1')
      redis.call('HSET', KEYS[3], 'userId', userId, 'used', '0')
      redis.call('PEXPIRE', KEYS[3], ARGV[1])
      redis.call('PEXPIRE', KEYS[2], ARGV[1])
      return {'OK', userId}
      """, List.class);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final StringRedisTemplate redis;
  private final Duration lifetime;

  public RefreshTokens(StringRedisTemplate redis, Duration lifetime) {
    this.redis = redis;
    this.lifetime = lifetime;
  }

  /** Starts a new family for a fresh login and returns its first token. */
  public String startFamily(long userId) {
    String family = random(16);
    String token = family + "." + random(32);
    redis.opsForValue().set(AuthRedisKeys.refreshFamily(family), Long.toString(userId), lifetime);
    String key = AuthRedisKeys.refreshToken(family, Hashes.sha256Hex(token));
    redis.opsForHash().putAll(key, java.util.Map.of("userId", Long.toString(userId), "used", "0"));
    redis.expire(key, lifetime);
    return token;
  }

  /** Uses up {@code presented} and returns the owner and the family's next token; 401 for anything else. */
  public Rotation rotate(String presented) {
    String family = familyOf(presented).orElseThrow(RefreshTokens::invalid);
    String next = family + "." + random(32);
    @SuppressWarnings("unchecked")
    List<Object> result = redis.execute(ROTATE,
        List.of(AuthRedisKeys.refreshToken(family, Hashes.sha256Hex(presented)), AuthRedisKeys.refreshFamily(family),
            AuthRedisKeys.refreshToken(family, Hashes.sha256Hex(next))),
        Long.toString(lifetime.toMillis()));
    String outcome = result == null || result.isEmpty() ? "UNKNOWN" : String.valueOf(result.get(0));
    return switch (outcome) {
      case "OK" -> new Rotation(Long.parseLong(String.valueOf(result.get(1))), next);
      case "REUSED" -> throw new ApiException(HttpStatus.UNAUTHORIZED, REFRESH_TOKEN_REUSED,
          "this refresh token was already used; the session is revoked, log in again");
      default -> throw invalid();
    };
  }

  /** Revokes the family of {@code token} if it belongs to {@code userId}. */
  public void revokeFamily(String token, long userId) {
    familyOf(token).ifPresent(family -> {
      String owner = redis.opsForValue().get(AuthRedisKeys.refreshFamily(family));
      if (Long.toString(userId).equals(owner)) {
        redis.delete(AuthRedisKeys.refreshFamily(family));
      }
    });
  }

  public record Rotation(long userId, String nextToken) {}

  private static Optional<String> familyOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1 || token.length() > 128) {
      return Optional.empty();
    }
    String family = token.substring(0, dot);
    return family.matches("[A-Za-z0-9_-]+") ? Optional.of(family) : Optional.empty();
  }

  private static ApiException invalid() {
    return new ApiException(HttpStatus.UNAUTHORIZED, INVALID_REFRESH_TOKEN, "refresh token is invalid or expired");
  }

  private static String random(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

}
