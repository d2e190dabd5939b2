package com.ticketplatform.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * {@code FLUSHALL} clears everything remembered).
 *
 * <p>Memory answers only while tracking is proven: every {@link #PROBE_EVERY} a probe key (under a prefix of its own,
 * also tracked) is written, and only its invalidation coming back on the current connection keeps memory on. A
 * connection that drops, or that silently stops delivering (a half-open socket after a failover), turns memory off
 * and forgets everything remembered: every request asks Redis, as without this class, until a probe comes back
 * again. The tracked server must be the one the checks read, so only a single Redis server (no Sentinel, no cluster,
 * no reads from replicas) is tracked. docs/ARCHITECTURE.md §7.2.
 */
@Component
class RevocationList implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RevocationList.class);
  static final String PROBE_PREFIX = "ticket:gateway:tracking-probe:";
  static final Duration PROBE_EVERY = Duration.ofSeconds(2);
  /** A probe not back by then means the connection no longer delivers: memory is switched off. */
  static final Duration PROBE_DEADLINE = Duration.ofSeconds(3);

  private final ReactiveStringRedisTemplate redis;
  private final LettuceConnectionFactory connections;
  /** jti → remembered as not revoked; entries are short-lived, so a missed invalidation could not last long either. */
  private final Cache<String, Boolean> notRevoked = Caffeine.newBuilder()
      .maximumSize(200_000)
      .expireAfterWrite(Duration.ofSeconds(60))
      .build();
  /**
   * Bumped by every invalidation and connection change, always before the entries it concerns are dropped; an
   * answer read across one is not remembered (checked and stored under the entry's own lock, see remember).
   */
  private final AtomicLong changes = new AtomicLong();
  private final Counter fromMemory;
  private final Counter fromRedis;
  /** How the tracking connection shows in CLIENT LIST: the gateway's Redis client name, "-revocations". */
  private final String connectionName;
  private volatile boolean tracking;
  /** The outstanding probe key and when it was written (nanoTime); null when none is out. */
  private volatile String probe;
  private volatile long probeSentAt;
  private volatile StatefulRedisConnection<String, String> connection;
  private ScheduledExecutorService prober;

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
    return redis.hasKey(RevokedTokens.REVOKED_JTI_PREFIX + jti)
        .map(Boolean.TRUE::equals)
        .doOnNext(revoked -> {
          if (!revoked) {
            remember(jti, seen);
          }
        });
  }

  /**
   * Stores "not revoked" only if nothing changed since the answer was read. The check and the store hold the entry's
   * lock, which an invalidation of the same entry also takes after bumping {@link #changes}: either the store comes
   * first and the invalidation removes it, or the check sees the bump and stores nothing.
   */
  private void remember(String jti, long seen) {
    notRevoked.asMap().compute(jti, (key, current) -> tracking && changes.get() == seen ? Boolean.TRUE : current);
  }

  @Override
  public void start() {
    boolean singleServer = connections.getNativeClient() instanceof RedisClient
        && !connections.isRedisSentinelAware() && !connections.isClusterAware()
        && connections.getClientConfiguration().getReadFrom().isEmpty();
    if (!singleServer) {
      log.info("Redis is not a single server read directly here: the deny-list is read on every request");
      return;
    }
    prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "revocation-list-probe");
      thread.setDaemon(true);
      return thread;
    });
    prober.scheduleWithFixedDelay(this::probeOrConnect, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs every {@link #PROBE_EVERY}: connects when there is no connection, else checks the last probe and sends one. */
  private void probeOrConnect() {
    try {
      StatefulRedisConnection<String, String> c = connection;
      if (c == null) {
        connection = connect();
        return;
      }
      String outstanding = probe;
      if (outstanding != null && System.nanoTime() - probeSentAt > PROBE_DEADLINE.toNanos()) {
        // a socket can stay open on a server that is gone (failover, a crashed host): start over on a new one
        log.warn("the deny-list's tracking connection stopped delivering; reading the list on every request");
        connection = null;
        stopTrusting();
        c.closeAsync();
        return;
      }
      if (outstanding == null && c.isOpen()) {
        sendProbe(c);
      }
    } catch (RuntimeException e) {
      log.warn("cannot track the deny-list in Redis, reading it on every request: {}", e.toString());
    }
  }

  private StatefulRedisConnection<String, String> connect() {
    StatefulRedisConnection<String, String> c = ((RedisClient) connections.getNativeClient()).connect(StringCodec.UTF8);
    try {
      c.addListener((PushListener) this::onPush);
      c.addListener(new Reconnects(c));
      c.sync().clientSetname(connectionName);
      startTracking(c);
      return c;
    } catch (RuntimeException e) {
      c.closeAsync();
      throw e;
    }
  }

  private void startTracking(StatefulRedisConnection<String, String> c) {
    c.async().clientTracking(TrackingArgs.Builder.enabled().bcast()
            .prefixes(RevokedTokens.REVOKED_JTI_PREFIX, PROBE_PREFIX))
        .thenRun(() -> sendProbe(c))
        .exceptionally(failure -> {
          log.warn("Redis refused to track the deny-list, reading it on every request: {}", failure.toString());
          return null;
        });
  }

  /** A probe key nobody else writes; its invalidation on this connection proves that tracking delivers. */
  private void sendProbe(StatefulRedisConnection<String, String> c) {
    String key = PROBE_PREFIX + connectionName + ":" + UUID.randomUUID();
    probeSentAt = System.nanoTime();
    probe = key;
    c.async().set(key, "1", SetArgs.Builder.px(PROBE_DEADLINE.toMillis()));
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
        tracking = true;
      } else if (name.startsWith(RevokedTokens.REVOKED_JTI_PREFIX)) {
        notRevoked.invalidate(name.substring(RevokedTokens.REVOKED_JTI_PREFIX.length()));
      }
    }
  }

  /** Memory off and emptied: until a probe comes back, every request asks Redis. */
  private void stopTrusting() {
    tracking = false;
    probe = null;
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
      stopTrusting();
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
      if (connection == own) {
        own.async().clientSetname(connectionName);
        startTracking(own);
      }
    }
  }

  @Override
  public void stop() {
    if (prober != null) {
      prober.shutdownNow();
    }
    stopTrusting();
    StatefulRedisConnection<String, String> c = connection;
    connection = null;
    if (c != null) {
      c.closeAsync();
    }
  }

  @Override
  public boolean isRunning() {
    return prober != null && !prober.isShutdown();
  }
}
