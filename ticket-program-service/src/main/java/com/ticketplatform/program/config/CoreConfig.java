package com.ticketplatform.program.config;

import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CoreConfig {

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
