package com.ticketplatform.user.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo accounts created at start-up when absent ({@code ticket.demo.*}). */
@ConfigurationProperties("ticket.demo")
public record DemoProperties(boolean enabled, String adminLogin, String adminPassword, String customerLogin,
    String customerPassword) {

  public DemoProperties {
    adminLogin = adminLogin == null ? "admin@ticket.local" : adminLogin;
    adminPassword = adminPassword == null ? "Admin#2026" : adminPassword;
    customerLogin = customerLogin == null ? "demo@ticket.local" : customerLogin;
    customerPassword = customerPassword == null ? "Demo#2026" : customerPassword;
  }
}
