package com.ticketplatform.starter.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The parked-outbox admin API ({@link ParkedOutboxController}) of a service that has the outbox and names its admin
 * prefix, {@code ticket.outbox.admin-path} (e.g. {@code /api/admin/payments}): {@code GET {prefix}/outbox/parked} and
 * {@code POST {prefix}/outbox/parked/{outboxId}/retry} (docs/ARCHITECTURE.md §3). The prefix must lie under
 * {@code /api/admin/}, where the gateway and {@code AdminRoutesGuard} require ADMIN; anything else stops the start.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(name = "ticket.outbox.admin-path")
@ConditionalOnBean(OutboxRelay.class)
public class ParkedOutboxAutoConfiguration {

  static final String ADMIN_ROUTES = "/api/admin/";

  @Bean
  ParkedOutbox parkedOutbox(OutboxRelay relay) {
    return new ParkedOutbox(relay);
  }

  @Bean
  ParkedOutboxController parkedOutboxController(ParkedOutbox parked,
      @Value("${ticket.outbox.admin-path}") String adminPath) {
    if (!adminPath.startsWith(ADMIN_ROUTES) || adminPath.endsWith("/") || adminPath.contains("*")
        || adminPath.contains("{")) {
      throw new IllegalStateException("ticket.outbox.admin-path must be a path under " + ADMIN_ROUTES
          + " without a trailing slash (ADMIN is required there), not '" + adminPath + "'");
    }
    return new ParkedOutboxController(parked);
  }
}
