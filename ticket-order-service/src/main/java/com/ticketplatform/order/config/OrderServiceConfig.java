package com.ticketplatform.order.config;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.order.seat.SeatInventory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(OrderProperties.class)
public class OrderServiceConfig {

  /**
   * Ids follow the machine's wall clock, not the injected business clock: they must never run backwards, and a
   * test that moves business time (expiry) must not move id time.
   */
  @Bean
  public SnowflakeIdGenerator snowflakeIdGenerator(@Value("${ticket.worker-id:1}") long workerId) {
    return new SnowflakeIdGenerator(Clock.systemUTC(), workerId);
  }

  @Bean
  public SeatInventory seatInventory(StringRedisTemplate redis, MeterRegistry meters) {
    return new SeatInventory(redis, meters);
  }
}
