package com.ticketplatform.user.auth;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.user.config.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;

/**
 * Password-guessing protection that an attacker cannot turn against the account's owner (docs/ARCHITECTURE.md §9).
 *
 * <p>Attempts are counted per (login name, client address) and per client address, and each count buys a progressive
 * delay once past its free allowance: the next attempt is refused (429, Retry-After) until {@code base × 2^k} after
 * the previous one, capped. Nothing is ever locked: a guesser at one address slows only themselves, and the owner
 * logging in from another address is not delayed at all.
 *
 * <p>Attempts on one account from all addresses are counted too. Past a threshold (a guessing campaign spread over
 * many addresses) clients that have not logged in to the account recently lose their free allowance, and, when a
 * {@link CaptchaVerifier} is configured, must solve a CAPTCHA; clients that have (the owner's usual devices) go on
 * as before.
 *
 * <p>An attempt is counted before the password is checked, in one Redis script with the check, so parallel attempts
 * cannot all slip through before the first failure is written; a successful login takes its attempt back.
 */
public class LoginThrottle {

  public static final String TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS";
  public static final String CAPTCHA_REQUIRED = "CAPTCHA_REQUIRED";

  /**
   * KEYS: pair, address, account, known clients. ARGV: now, pair allowance, address allowance, allowance when
   * challenged, base delay ms, max delay ms, memory ms, account threshold, client address, trusted-client memory ms,
   * whether the attempt lacks a CAPTCHA answer a challenge would need (0/1). Returns {allowed (0/1, or 2: challenged
   * and no answer, refused without counting), wait ms, challenged (0/1)}. A counter hash holds n (attempts not taken
   * back) and last (millis of the latest counted attempt); the next attempt may come at last + delay(n).
   */
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> ATTEMPT = new DefaultRedisScript<>("""
      local now = tonumber(ARGV[1])
      local base, cap, memory = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
      local function delay(n, free)
        if n < free then return 0 end
        return math.min(cap, base * 2 ^ math.min(n - free, 40))
      end
      local seen = redis.call('ZSCORE', KEYS[4], ARGV[9])
      local trusted = seen and (now - tonumber(seen)) < tonumber(ARGV[10])
      local challenged = (not trusted) and tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[8])
      local pairFree = challenged and tonumber(ARGV[4]) or tonumber(ARGV[2])
      local frees = {pairFree, tonumber(ARGV[3])}
      local wait = 0
      for i = 1, 2 do
        local n = tonumber(redis.call('HGET', KEYS[i], 'n') or '0')
        local last = tonumber(redis.call('HGET', KEYS[i], 'last') or '0')
        wait = math.max(wait, last + delay(n, frees[i]) - now)
      end
      if wait > 0 then return {0, wait, challenged and 1 or 0} end
      if challenged and ARGV[11] == '1' then return {2, 0, 1} end
      for i = 1, 2 do
        redis.call('HINCRBY', KEYS[i], 'n', 1)
        redis.call('HSET', KEYS[i], 'last', now)
        redis.call('PEXPIRE', KEYS[i], memory)
      end
      redis.call('INCR', KEYS[3])
      redis.call('PEXPIRE', KEYS[3], memory)
      return {1, 0, challenged and 1 or 0}
      """, List.class);

  /**
   * A successful login: the pair's count is cleared, the address and account counts lose this attempt, and the
   * address becomes one the account trusts (the newest few are kept). KEYS: pair, address, account, known clients.
   * ARGV: now, client address, trusted-client memory ms, how many trusted clients to keep.
   */
  private static final RedisScript<Long> SUCCESS = RedisScript.of("""
      redis.call('DEL', KEYS[1])
      if tonumber(redis.call('HGET', KEYS[2], 'n') or '0') > 0 then redis.call('HINCRBY', KEYS[2], 'n', -1) end
      if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
      redis.call('ZADD', KEYS[4], ARGV[1], ARGV[2])
      redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -1 - tonumber(ARGV[4]))
      redis.call('PEXPIRE', KEYS[4], ARGV[3])
      return 1
      """, Long.class);

  private static final int TRUSTED_CLIENTS_KEPT = 20;

  private final StringRedisTemplate redis;
  private final AuthProperties.LoginProtection limits;
  private final CaptchaVerifier captcha;
  private final Clock clock;

  public LoginThrottle(StringRedisTemplate redis, AuthProperties.LoginProtection limits, CaptchaVerifier captcha,
      Clock clock) {
    this.redis = redis;
    this.limits = limits;
    this.captcha = captcha;
    this.clock = clock;
  }

  /**
   * Counts one attempt, or refuses it: 429 while a delay runs, 401 {@code CAPTCHA_REQUIRED} when the account is
   * under a spread-out guessing campaign, this client is not one it trusts, and the CAPTCHA answer is missing or
   * wrong. Must be called before the password is checked.
   */
  public void beforeAttempt(String loginName, String address, String captchaAnswer) {
    Keys keys = Keys.of(loginName, address);
    List<?> result = redis.execute(ATTEMPT, keys.all(),
        Long.toString(clock.millis()),
        Integer.toString(limits.freeAttemptsPerAccountAndClient()),
        Integer.toString(limits.freeAttemptsPerClient()),
        Integer.toString(limits.freeAttemptsWhenChallenged()),
        Long.toString(limits.baseDelay().toMillis()),
        Long.toString(limits.maxDelay().toMillis()),
        Long.toString(limits.memory().toMillis()),
        Integer.toString(limits.challengeAfterAccountFailures()),
        keys.address(),
        Long.toString(limits.trustedClientMemory().toMillis()),
        captcha.enabled() && (captchaAnswer == null || captchaAnswer.isBlank()) ? "1" : "0");
    long outcome = ((Number) result.get(0)).longValue();
    boolean challenged = ((Number) result.get(2)).longValue() == 1;
    if (outcome == 2) {
      // asked for the CAPTCHA first, not counted: the owner on a new device loses no attempt to the question
      throw captchaRequired();
    }
    if (outcome == 0) {
      throw ApiException.retryLater(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS,
          "too many failed logins from here, try again later",
          Duration.ofMillis(((Number) result.get(1)).longValue()));
    }
    if (challenged && captcha.enabled() && !captcha.verify(captchaAnswer, keys.address())) {
      throw captchaRequired();
    }
  }

  private static ApiException captchaRequired() {
    return new ApiException(HttpStatus.UNAUTHORIZED, CAPTCHA_REQUIRED,
        "this account sees many failed logins: solve the CAPTCHA and send its answer as captcha");
  }

  /** Takes back the attempt of a successful login and remembers the client as one the account trusts. */
  public void recordSuccess(String loginName, String address) {
    Keys keys = Keys.of(loginName, address);
    redis.execute(SUCCESS, keys.all(), Long.toString(clock.millis()), keys.address(),
        Long.toString(limits.trustedClientMemory().toMillis()), Integer.toString(TRUSTED_CLIENTS_KEPT));
  }

  /** The Redis keys of one attempt; names are hashed (no login name in Redis), requests without a vouched address share one. */
  private record Keys(String nameHash, String address) {

    static Keys of(String loginName, String address) {
      return new Keys(Hashes.sha256Hex(loginName), address == null || address.isBlank() ? "unknown" : address);
    }

    List<String> all() {
      return List.of(AuthRedisKeys.loginAttemptsByAccountAndClient(nameHash, address),
          AuthRedisKeys.loginAttemptsByClient(address),
          AuthRedisKeys.failedLoginsByAccount(nameHash),
          AuthRedisKeys.trustedClients(nameHash));
    }
  }
}
