package com.ticketplatform.order.config;

import com.ticketplatform.order.order.RefundPolicy;
import com.ticketplatform.order.placement.PlacementProperties;
import com.ticketplatform.order.seat.SeatActivity;
import com.ticketplatform.order.seat.SeatInventory;
import com.ticketplatform.order.seat.SeatProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({PlacementProperties.class, SeatProperties.class, RefundPolicy.class})
public class OrderServiceConfig {

  @Bean
  public SeatInventory seatInventory(StringRedisTemplate redis, MeterRegistry meters, SeatActivity activity) {
    return new SeatInventory(redis, meters, activity::touched);
  }
}
