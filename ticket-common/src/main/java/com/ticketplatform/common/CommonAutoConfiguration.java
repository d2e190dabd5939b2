package com.ticketplatform.common;

import com.ticketplatform.common.error.ProblemDetailsAdvice;
import com.ticketplatform.common.web.AdminRoutesGuard;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What every service gets by depending on ticket-common: a UTC clock to inject, and in servlet services
 * the error contract and the ADMIN guard on {@code /api/admin/**}. */
@AutoConfiguration
public class CommonAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
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
