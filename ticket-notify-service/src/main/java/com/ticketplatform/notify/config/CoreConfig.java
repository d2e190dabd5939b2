package com.ticketplatform.notify.config;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plain JDBC over the schema ticket-platform-starter migrates and puts behind ShardingSphere-JDBC
 * ({@code ticket.persistence} in application.yml, docs/ARCHITECTURE.md §5).
 */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

  @Bean
  JdbcTemplate jdbcTemplate(DataSource dataSource) {
    return new JdbcTemplate(dataSource);
  }
}
