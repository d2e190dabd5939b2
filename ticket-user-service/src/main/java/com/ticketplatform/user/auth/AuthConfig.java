package com.ticketplatform.user.auth;

import com.ticketplatform.user.config.AuthProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class AuthConfig {

  @Bean
  TokenService tokenService(SigningKeys keys, AuthProperties properties, Clock clock) {
    return new TokenService(keys, properties.issuer(), properties.accessTokenTtl(), clock);
  }

  @Bean
  RefreshTokens refreshTokens(StringRedisTemplate redis, AuthProperties properties) {
    return new RefreshTokens(redis, properties.refreshTokenTtl());
  }

  @Bean
  RevokedTokens revokedTokens(StringRedisTemplate redis, Clock clock) {
    return new RevokedTokens(redis, clock);
  }

  @Bean
  LoginThrottle loginThrottle(StringRedisTemplate redis, AuthProperties properties,
      ObjectProvider<CaptchaVerifier> captcha, Clock clock) {
    return new LoginThrottle(redis, properties.loginProtection(), captcha.getIfAvailable(() -> CaptchaVerifier.NONE),
        clock);
  }
}
