package com.ticketplatform.program.inventory;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
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
 * the rest of the service reaches through Redisson (the same {@code spring.data.redis} settings). Redisson decodes
 * such a reply at about twice Lettuce's CPU, and its I/O threads were a quarter of this service's CPU in an on-sale
 * (docs/benchmark.md). Errors come as Spring's Redis exceptions, as from the template.
 */
@Component
public class SeatStatusReads implements DisposableBean {

  private final LettuceConnectionFactory connections;

  public SeatStatusReads(DataRedisProperties redis) {
    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(redis.getHost(), redis.getPort());
    server.setDatabase(redis.getDatabase());
    server.setUsername(redis.getUsername());
    server.setPassword(RedisPassword.of(redis.getPassword()));
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
        .commandTimeout(redis.getTimeout() == null ? Duration.ofSeconds(3) : redis.getTimeout());
    if (redis.getSsl().isEnabled()) {
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

  @Override
  public void destroy() {
    connections.destroy();
  }
}
