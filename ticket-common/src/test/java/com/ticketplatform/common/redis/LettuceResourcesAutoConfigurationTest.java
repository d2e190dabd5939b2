package com.ticketplatform.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LettuceResourcesAutoConfigurationTest {

  final ApplicationContextRunner service = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
          LettuceResourcesAutoConfiguration.class));

  @Test
  void lettucesClientResourcesRecordNoCommandLatencies() {
    service.run(context -> {
      ClientResources resources = context.getBean(ClientResources.class);
      assertThat(resources.commandLatencyRecorder().isEnabled()).isFalse();
    });
  }

  @Test
  void withoutItLettuceWouldRecordThem() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
        .run(context -> assertThat(context.getBean(ClientResources.class).commandLatencyRecorder().isEnabled())
            .isTrue());
  }

  @Test
  void servicesWithoutLettuceGetNothing() {
    service.withClassLoader(new FilteredClassLoader("io.lettuce"))
        .run(context -> assertThat(context).doesNotHaveBean("noLettuceCommandLatencyRecorder"));
  }
}
