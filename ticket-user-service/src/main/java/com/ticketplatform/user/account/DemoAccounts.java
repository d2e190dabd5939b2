package com.ticketplatform.user.account;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.user.config.DemoProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo admin and customer, created when absent so a fresh platform can be tried at once; only where the local
 * profile ({@code ./ticket up}) turns {@code ticket.demo.enabled} on, never in a deployment. Safe to run on every
 * start and on several instances at once: an existing or concurrently created account is left as it is.
 */
@Component
@ConditionalOnProperty(name = "ticket.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  private final UserService users;
  private final DemoProperties demo;

  DemoAccounts(UserService users, DemoProperties demo) {
    this.users = users;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(users, demo.adminLogin(), demo.adminPassword(), "Demo Admin",
        List.of(AuthHeaders.ROLE_ADMIN, AuthHeaders.ROLE_CUSTOMER));
    ensure(users, demo.customerLogin(), demo.customerPassword(), "Demo Customer",
        List.of(AuthHeaders.ROLE_CUSTOMER));
  }

  /** Creates the account unless it exists (also when another instance creates it at the same moment). */
  static void ensure(UserService users, String loginName, String password, String displayName, List<String> roles) {
    if (users.findByLoginName(loginName).isPresent()) {
      return;
    }
    try {
      users.register(loginName, password, displayName, roles);
      log.info("created account {} with roles {}", loginName, roles);
    } catch (ApiException e) {
      if (!UserService.LOGIN_NAME_TAKEN.equals(e.code())) {
        throw e;
      }
    }
  }
}
