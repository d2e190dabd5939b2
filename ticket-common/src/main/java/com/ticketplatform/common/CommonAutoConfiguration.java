package com.ticketplatform.common;

import com.ticketplatform.common.error.ProblemDetailsAdvice;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.id.WorkerIdLease;
import com.ticketplatform.common.json.PublicIdsModule;
import com.ticketplatform.common.openapi.ProblemDetailOpenApiCustomizer;
import com.ticketplatform.common.openapi.PublicIdsOpenApiCustomizer;
import com.ticketplatform.common.openapi.PublicSurfaceOpenApiCustomizer;
import com.ticketplatform.common.web.AdminRoutesGuard;
import com.ticketplatform.common.web.BodySizeLimitFilter;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.common.web.HeaderSizeLimitFilter;
import com.ticketplatform.common.web.RequestSizeLimits;
import com.ticketplatform.common.web.RequestLogFilter;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What every service gets by depending on ticket-common: a UTC clock to inject; in servlet services the error
 * contract (also in their OpenAPI document), the ADMIN guard on {@code /api/admin/**}, and an access log line per
 * request that carries the trace id.
 */
@AutoConfiguration
public class CommonAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Ids as JSON strings in every answer (docs/ARCHITECTURE.md §6); Spring Boot adds the module to its JsonMapper. */
  @Bean
  PublicIdsModule publicIdsModule() {
    return new PublicIdsModule();
  }

  /** Error responses in every OpenAPI document, wherever springdoc is on the classpath. */
  @AutoConfiguration
  @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
  public static class OpenApiProblems {

    static {
      // a handler's Caller comes from the identity headers the gateway sets, not from the client: no parameter
      SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailOpenApiCustomizer problemDetailOpenApiCustomizer() {
      return new ProblemDetailOpenApiCustomizer();
    }

    /** Only what a client can call through the gateway, without the headers the gateway sets. */
    @Bean
    @ConditionalOnMissingBean
    PublicSurfaceOpenApiCustomizer publicSurfaceOpenApiCustomizer() {
      return new PublicSurfaceOpenApiCustomizer();
    }

    /** Ids documented as the strings they are on the wire. */
    @Bean
    @ConditionalOnMissingBean
    PublicIdsOpenApiCustomizer publicIdsOpenApiCustomizer() {
      return new PublicIdsOpenApiCustomizer();
    }

    /**
     * The document's server is "/", the origin it was fetched from: through the gateway's Swagger UI, "try it out"
     * then goes through the gateway (with its auth and limits), not to the service's own port. Set by a customizer:
     * springdoc replaces the servers of an OpenAPI bean with the address the request came to.
     */
    @Bean
    OpenApiCustomizer sameOriginServerOpenApiCustomizer(
        @Value("${spring.application.name:ticket-platform}") String name) {
      return openApi -> {
        openApi.setServers(List.of(new Server().url("/")
            .description("the origin this document was fetched from (the gateway, or the service itself)")));
        openApi.setInfo(new Info().title(name).version("v1"));
      };
    }
  }

  /**
   * The access log; registered after Spring Boot's observation filter (which runs first), so the trace is current
   * while it writes. {@code ticket.access-log.enabled=false} switches it off.
   */
  @AutoConfiguration
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  @ConditionalOnProperty(name = "ticket.access-log.enabled", havingValue = "true", matchIfMissing = true)
  public static class ServletRequestLog {
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
      FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
      registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
      return registration;
    }
  }

  /**
   * Request bodies over {@code ticket.max-body-size} are refused before anything reads them, request lines and headers
   * over their limits before anything looks at them.
   */
  @AutoConfiguration
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  public static class ServletBodyLimit {
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
        @Value("${ticket.max-body-size:1MB}") org.springframework.util.unit.DataSize limit,
        @Value("${ticket.max-callback-body-size:64KB}") org.springframework.util.unit.DataSize callbackLimit) {
      FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
          new BodySizeLimitFilter(limit.toBytes(), callbackLimit.toBytes()));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
      return registration;
    }

    /**
     * A URI over {@code ticket.max-uri-length} (8 KiB) is 414, a header value over {@code ticket.max-header-size}
     * (8 KiB) or all headers over {@code ticket.max-headers-size} (16 KiB) 431, as problems; Tomcat's own limit
     * ({@code server.max-http-request-header-size}, ticket-platform.yml) is only the backstop above them.
     */
    @Bean
    FilterRegistrationBean<HeaderSizeLimitFilter> headerSizeLimitFilter(
        @Value("${ticket.max-uri-length:8KB}") org.springframework.util.unit.DataSize uri,
        @Value("${ticket.max-header-size:8KB}") org.springframework.util.unit.DataSize header,
        @Value("${ticket.max-headers-size:16KB}") org.springframework.util.unit.DataSize headers) {
      FilterRegistrationBean<HeaderSizeLimitFilter> registration = new FilterRegistrationBean<>(
          new HeaderSizeLimitFilter(new RequestSizeLimits(uri.toBytes(), header.toBytes(), headers.toBytes())));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
      return registration;
    }
  }

  /**
   * Ids for the services: a Snowflake generator on a worker id leased in Redis ({@link WorkerIdLease}), so scaling a
   * service out never needs a hand-set id. {@code ticket.worker-id.lease-ttl} (30 s) bounds how long a stopped
   * instance's id stays taken, and how long an instance cut off from Redis keeps issuing ids.
   */
  @AutoConfiguration(afterName = {"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
      "org.redisson.spring.starter.RedissonAutoConfigurationV4"})
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.data.redis.core.StringRedisTemplate")
  public static class Ids {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    WorkerIdLease workerIdLease(StringRedisTemplate redis, @Value("${spring.application.name}") String service,
        @Value("${ticket.worker-id.lease-ttl:PT30S}") Duration ttl) {
      return WorkerIdLease.acquire(redis, service, ttl);
    }

    @Bean
    @ConditionalOnMissingBean
    SnowflakeIdGenerator snowflakeIdGenerator(WorkerIdLease lease) {
      // the machine's clock, not the application's: ids must keep moving forward while tests move business time
      return new SnowflakeIdGenerator(Clock.systemUTC(), lease);
    }
  }

  @AutoConfiguration
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  @Import(ProblemDetailsAdvice.class)
  public static class ServletProblems {

    @Bean
    AdminRoutesGuard adminRoutesGuard() {
      return new AdminRoutesGuard();
    }
  }
}
