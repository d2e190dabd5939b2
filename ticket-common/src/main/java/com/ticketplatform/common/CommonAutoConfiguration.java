package com.ticketplatform.common;

import com.ticketplatform.common.error.ProblemDetailsAdvice;
import com.ticketplatform.common.openapi.ProblemDetailOpenApiCustomizer;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What every service gets by depending on ticket-common: a UTC clock to inject, the servlet error
 * contract, and that contract in the OpenAPI documents. */
@AutoConfiguration
public class CommonAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Error responses in every OpenAPI document, wherever springdoc is on the classpath. */
  @AutoConfiguration
  @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
  public static class OpenApiProblems {
    @Bean
    @ConditionalOnMissingBean
    ProblemDetailOpenApiCustomizer problemDetailOpenApiCustomizer() {
      return new ProblemDetailOpenApiCustomizer();
    }
  }

  @AutoConfiguration
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  @Import(ProblemDetailsAdvice.class)
  public static class ServletProblems {}
}
