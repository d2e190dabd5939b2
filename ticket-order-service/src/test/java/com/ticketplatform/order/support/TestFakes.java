package com.ticketplatform.order.support;

import com.ticketplatform.common.test.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestFakes {

  @Bean
  @Primary
  public FakeProgramClient fakeProgramClient() {
    return new FakeProgramClient();
  }

  @Bean
  @Primary
  public FakeHolderClient fakeHolderClient() {
    return new FakeHolderClient();
  }

  @Bean
  @Primary
  public FakePayClient fakePayClient() {
    return new FakePayClient();
  }

  @Bean
  @Primary
  public MutableClock mutableClock() {
    return new MutableClock();
  }
}
