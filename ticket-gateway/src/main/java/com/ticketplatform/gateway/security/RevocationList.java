package com.ticketplatform.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether an access token is on the user service's deny-list ({@code auth:revoked-jti:<jti>}), without a Redis round
 * trip on every request: a token found not revoked is remembered, and Redis itself says when any deny-list key
 * changes. This is Redis's server-assisted client-side caching: one connection of the gateway's own runs
 * {@code CLIENT TRACKING ON BCAST PREFIX auth:revoked-jti:}, and Redis pushes an invalidation for every write, expiry
 * or deletion of such a key, whoever made it; the token it names is asked about again on its next request (a
 * {@code FLUSHALL} clears everything remembered). Memory answers only once a probe write has come back as an
 * invalidation on the current connection; while that connection is down, reconnecting or not yet proven, every
 * request asks Redis as before, and nothing remembered before a drop is trusted again (docs/ARCHITECTURE.md §7.2).
 *
 * <p>A logout takes effect at the gateway once Redis's invalidation arrives, which it sends in the same event loop
 * turn as the reply to the user service's SET.
 */
@Component
class RevocationList implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RevocationList.class);

  private final ReactiveStringRedisTemplate redis;
  private final LettuceConnectionFactory connections;
  /** jti → remembered as not revoked; a token lives at most minutes, so entries outlive none of them by much. */
  private final Cache<String, Boolean> notRevoked = Caffeine.newBuilder()
      .maximumSize(200_000)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();
  /** Bumped by every invalidation and connection change: an answer read across one is not remembered. */
  private final AtomicLong changes = new AtomicLong();
  private final Counter fromMemory;
  private final Counter fromRedis;
  private volatile boolean tracking;
  /** The probe key whose invalidation proves that tracking works on the current connection. */
  private volatile String probe;
  private static final Duration PROBE_LIFETIME = Duration.ofSeconds(5);
  private volatile StatefulRedisConnection<String, String> connection;
  /** How the tracking connection shows in CLIENT LIST: the gateway's Redis client name, "-revocations". */
  private final String connectionName;

  RevocationList(ReactiveStringRedisTemplate redis, LettuceConnectionFactory connections, MeterRegistry meters) {
    this.redis = redis;
    this.connections = connections;
    this.fromMemory = checks(meters, "memory");
    this.fromRedis = checks(meters, "redis");
    String clientName = connections.getClientName();
    this.connectionName = (clientName == null || clientName.isBlank() ? "ticket-gateway" : clientName) + "-revocations";
  }

  private static Counter checks(MeterRegistry meters, String source) {
    return Counter.builder("ticket.gateway.revocation.checks")
        .description("deny-list checks of access tokens, by where the answer came from")
        .tag("source", source)
        .register(meters);
  }

  Mono<Boolean> isRevoked(String jti) {
    if (tracking && notRevoked.getIfPresent(jti) != null) {
      fromMemory.increment();
      return Mono.just(false);
    }
    fromRedis.increment();
    long seen = changes.get();
    boolean trackedBefore = tracking;
    return redis.hasKey(RevokedTokens.REVOKED_JTI_PREFIX + jti)
        .map(Boolean.TRUE::equals)
        .doOnNext(revoked -> {
          if (!revoked && trackedBefore && tracking && changes.get() == seen) {
            notRevoked.put(jti, Boolean.TRUE);
          }
        });
  }

  @Override
  public void start() {
    if (!(connections.getNativeClient() instanceof RedisClient client)) {
      log.info("Redis is not a single server here: the deny-list is read from Redis on every request");
      return;
    }
    try {
      StatefulRedisConnection<String, String> c = client.connect(StringCodec.UTF8);
      c.addListener(this::onPush);
      client.addListener(new Reconnects(c));
      connection = c;
      c.sync().clientSetname(connectionName);
      startTracking(c);
    } catch (RuntimeException e) {
      log.warn("cannot track the deny-list in Redis, reading it on every request: {}", e.toString());
    }
  }

  /**
   * Asks Redis to track the deny-list, then proves that its invalidations arrive: a probe key under the prefix (no
   * token has its id) is written, and only its invalidation switches answering from memory on. A server that
   * accepted the command but would push nothing (a RESP2 connection) is never trusted.
   */
  private void startTracking(StatefulRedisConnection<String, String> c) {
    c.async().clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(RevokedTokens.REVOKED_JTI_PREFIX))
        .thenCompose(ok -> {
          String key = RevokedTokens.REVOKED_JTI_PREFIX + "~probe-" + UUID.randomUUID();
          probe = key;
          return c.async().set(key, "probe", SetArgs.Builder.px(PROBE_LIFETIME.toMillis()));
        })
        .whenComplete((ok, failure) -> {
          if (failure != null) {
            log.warn("Redis refused to track the deny-list, reading it on every request: {}", failure.toString());
          }
        });
  }

  private void onPush(PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
    changes.incrementAndGet();
    if (content.size() < 2 || !(content.get(1) instanceof List<?> keys)) {
      notRevoked.invalidateAll(); // null: the database was flushed
      return;
    }
    for (Object key : keys) {
      String name = String.valueOf(key);
      if (name.equals(probe)) {
        probe = null;
        forgetAll();
        tracking = true;
      } else if (name.startsWith(RevokedTokens.REVOKED_JTI_PREFIX)) {
        notRevoked.invalidate(name.substring(RevokedTokens.REVOKED_JTI_PREFIX.length()));
      }
    }
  }

  private void forgetAll() {
    changes.incrementAndGet();
    notRevoked.invalidateAll();
  }

  /** Tracking belongs to the server-side connection: a dropped one loses it, so it is set up again on reconnect. */
  private final class Reconnects implements RedisConnectionStateListener {

    private final StatefulRedisConnection<String, String> own;

    Reconnects(StatefulRedisConnection<String, String> own) {
      this.own = own;
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
      if (handler == own) {
        tracking = false;
        probe = null;
        forgetAll();
      }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
      if (handler == own && connection == own) {
        own.async().clientSetname(connectionName);
        startTracking(own);
      }
    }
  }

  @Override
  public void stop() {
    tracking = false;
    StatefulRedisConnection<String, String> c = connection;
    connection = null;
    if (c != null) {
      c.closeAsync();
    }
  }

  @Override
  public boolean isRunning() {
    return connection != null;
  }
}
