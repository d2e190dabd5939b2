package com.ticketplatform.program.config;

import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CoreConfig {

  @Bean
  SnowflakeIdGenerator snowflakeIdGenerator(Clock clock, @Value("${ticket.worker-id:1}") long workerId) {
    return new SnowflakeIdGenerator(clock, workerId);
  }

  /** Source of TTL jitter; a bean so tests of the cache could pin it. */
  @Bean
  RandomGenerator ttlRandom() {
    return RandomGenerator.of("L64X128MixRandom");
  }

  @Bean
  MybatisPlusInterceptor mybatisPlusInterceptor() {
    return new MybatisPlusInterceptor();
  }
}
