package com.ticketplatform.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Worker id leases against the real Redis: distinct ids per instance, and no ids once a lease cannot be proven. */
class WorkerIdLeaseIT {

  static LettuceConnectionFactory connections;
  static StringRedisTemplate redis;

  final String service = "lease-it-" + UUID.randomUUID();
  final List<WorkerIdLease> leases = new ArrayList<>();

  @BeforeAll
  static void connect() {
    connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
        Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"))));
    connections.afterPropertiesSet();
    redis = new StringRedisTemplate(connections);
  }

  @AfterAll
  static void disconnect() {
    connections.destroy();
  }

  @AfterEach
  void release() {
    leases.forEach(WorkerIdLease::close);
  }

  WorkerIdLease lease(Duration ttl) {
    WorkerIdLease lease = WorkerIdLease.acquire(redis, service, ttl);
    leases.add(lease);
    return lease;
  }

  @Test
  void instancesOfOneServiceGetDistinctIdsAndTheSixtyFifthIsRefused() {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i <= SnowflakeIdGenerator.MAX_WORKER; i++) {
      ids.add(lease(Duration.ofMinutes(1)).current());
    }
    assertThat(ids).hasSize((int) SnowflakeIdGenerator.MAX_WORKER + 1);
    assertThatThrownBy(() -> lease(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("worker ids");

    // a stopped instance gives its id back at once
    WorkerIdLease stopped = leases.remove(0);
    long freed = stopped.current();
    stopped.close();
    assertThat(lease(Duration.ofMinutes(1)).current()).isEqualTo(freed);
  }

  @Test
  void generatorsOnTwoLeasesNeverIssueTheSameId() {
    SnowflakeIdGenerator a = new SnowflakeIdGenerator(Clock.systemUTC(), lease(Duration.ofMinutes(1)));
    SnowflakeIdGenerator b = new SnowflakeIdGenerator(Clock.systemUTC(), lease(Duration.ofMinutes(1)));
    Set<Long> issued = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      assertThat(issued.add(a.nextIdFor(42))).isTrue();
      assertThat(issued.add(b.nextIdFor(42))).isTrue();
    }
  }

  @Test
  void aFlushedLeaseIsClaimedAgainOrMovesToAFreeIdNeverShared() {
    WorkerIdLease first = lease(Duration.ofMinutes(1));
    long id = first.current();

    // Redis lost the key (restart, FLUSHALL): the next renewal claims the same id again
    redis.delete(first.key(id));
    first.renew();
    assertThat(first.current()).isEqualTo(id);
    assertThat(redis.opsForValue().get(first.key(id))).isNotNull();

    // lost, and another instance took it meanwhile: the first moves to another id instead of sharing
    redis.delete(first.key(id));
    WorkerIdLease second = lease(Duration.ofMinutes(1));
    assertThat(second.current()).isEqualTo(id);
    first.renew();
    assertThat(first.current()).isNotEqualTo(id);
    assertThat(second.current()).isEqualTo(id);
  }

  @Test
  void anInstanceThatCannotRenewIssuesNoIds() throws Exception {
    // long enough that a loaded machine cannot let it lapse before the first id (close() ends it at once)
    WorkerIdLease lease = lease(Duration.ofSeconds(10));
    SnowflakeIdGenerator ids = new SnowflakeIdGenerator(Clock.systemUTC(), lease);
    assertThat(ids.nextId()).isPositive();
    // the instance loses Redis (simulated: its renewals stop) and the lease runs out
    lease.close();
    assertThatThrownBy(ids::nextId).isInstanceOf(IllegalStateException.class);

    WorkerIdLease lapsed = WorkerIdLease.acquire(redis, service, Duration.ofMillis(300));
    leases.add(lapsed);
    lapsed.stopRenewing();
    Thread.sleep(400);
    assertThatThrownBy(lapsed::current).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not be renewed");
  }
}
