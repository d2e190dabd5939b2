package com.ticketplatform.program.inventory;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * The seat map's one read of a showtime's live seats (the seat board, one byte per seat, docs/ARCHITECTURE.md §4; once
 * per seat map and per availability read) over a Lettuce connection of its own, to the Redis the rest of the service
 * reaches through Redisson, from the same connection details: a reply of every seat, as the read was before the board,
 * cost Redisson's I/O threads a quarter of this service's CPU in an on-sale, Lettuce's a third less (docs/benchmark.md).
 * One shared connection: one Lettuce I/O thread decodes every reply. Errors come as Spring's Redis exceptions, as from
 * the template. Like Redisson here, one Redis server only: Sentinel or Cluster settings refuse to start rather than
 * read a different server.
 */
@Component
public class SeatStatusReads implements DisposableBean {

  private final LettuceConnectionFactory connections;
  private final RedisTemplate<byte[], byte[]> template = new RedisTemplate<>();

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
    template.setConnectionFactory(connections);
    template.setEnableDefaultSerializer(false);
    template.setKeySerializer(RedisSerializer.byteArray());
    template.setValueSerializer(RedisSerializer.byteArray());
    template.afterPropertiesSet();
  }

  /** The script's bulk reply as stored (EVALSHA, EVAL once after Redis lost its scripts); null for a nil reply. */
  public byte[] run(RedisScript<byte[]> script, List<byte[]> keys, Object... args) {
    return template.execute(script, RedisSerializer.byteArray(), RedisSerializer.byteArray(), keys, args);
  }

  /** The connection; the client resources are Spring Boot's, shut down with the context. */
  @Override
  public void destroy() {
    connections.destroy();
  }
}
