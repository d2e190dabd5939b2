package com.ticketplatform.order.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The shared MySQL settings of ticket-platform.yml. */
@ConfigurationProperties("ticket.mysql")
public record MysqlProperties(String host, int port, String username, String password, String schemaSuffix) {

  public MysqlProperties {
    host = host == null ? "127.0.0.1" : host;
    port = port == 0 ? 3306 : port;
    username = username == null ? "root" : username;
    password = password == null ? "" : password;
    schemaSuffix = schemaSuffix == null ? "" : schemaSuffix;
  }

  public String serverUrl() {
    return "jdbc:mariadb://" + host + ":" + port + "/";
  }

  public String url(String schema) {
    return serverUrl() + schema + schemaSuffix;
  }

  public String schema(String base) {
    return base + schemaSuffix;
  }
}
