package com.ticketplatform.program.inventory;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The seat map's one read of a whole seat inventory (an {@code HGETALL} of every seat: 4,000 strings for a
 * 2,000-seat hall, once per seat map and per availability read) over a Lettuce connection of its own, to the Redis
 * the rest of the service reaches through Redisson, from the same connection details. Redisson's I/O threads decoding
 * these replies were a quarter of this service's CPU in an on-sale; on Lettuce the Redis I/O threads are a third
 * lighter (docs/benchmark.md). One shared connection: one Lettuce I/O thread decodes every reply. Errors come as Spring's
 * Redis exceptions, as from the template. Like Redisson here, one Redis server only: Sentinel or Cluster settings
 * refuse to start rather than read a different server.
 */
@Component
public class SeatStatusReads implements DisposableBean {

  private final LettuceConnectionFactory connections;

  public SeatStatusReads(DataRedisConnectionDetails details, DataRedisProperties properties,
      ClientResources resources) {
    if (details.getSentinel() != null || details.getCluster() != null || details.getMasterReplica() != null) {
      throw new IllegalStateException("the seat map reads one Redis server: Sentinel, Cluster and master/replica"
          + " settings are not supported");
    }
    DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(standalone.getHost(),
        standalone.getPort());
    server.setDatabase(standalone.getDatabase());
    server.setUsername(details.getUsername());
    server.setPassword(RedisPassword.of(details.getPassword()));
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
        .clientResources(resources)
        .commandTimeout(properties.getTimeout() == null ? Duration.ofSeconds(3) : properties.getTimeout());
    // once the connection is known to be down, a read fails at once instead of waiting in Lettuce's queue for the
    // command timeout: a seat map answers 503 and gives its Tomcat thread back (SeatMapService). Spring Data's own
    // default (timeouts on) is kept.
    ClientOptions.Builder options = ClientOptions.builder()
        .timeoutOptions(TimeoutOptions.enabled())
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    if (properties.getConnectTimeout() != null) {
      options.socketOptions(SocketOptions.builder().connectTimeout(properties.getConnectTimeout()).build());
    }
    client.clientOptions(options.build());
    if (details.getSslBundle() != null) {
      client.useSsl();
    }
    this.connections = new LettuceConnectionFactory(server, client.build());
    connections.afterPropertiesSet();
    connections.start();
  }

  /** Every field and value of the hash, as stored; empty when the key does not exist. */
  public Map<byte[], byte[]> all(byte[] key) {
    try (RedisConnection connection = connections.getConnection()) {
      Map<byte[], byte[]> all = connection.hashCommands().hGetAll(key);
      return all == null ? Map.of() : all;
    }
  }

  /** The connection; the client resources are Spring Boot's, shut down with the context. */
  @Override
  public void destroy() {
    connections.destroy();
  }
}
