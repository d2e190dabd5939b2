package com.ticketplatform.user.account;

import com.ticketplatform.common.security.SecretsGuard;
import com.ticketplatform.common.web.AuthHeaders;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first admin of a deployment without demo accounts, from its environment ({@code TICKET_ADMIN_LOGIN} and
 * {@code TICKET_ADMIN_PASSWORD}, in compose's {@code .env}): created once when absent, never with a password this
 * repository publishes (docs/ARCHITECTURE.md §9). Change the password after the first login.
 */
@Component
@ConditionalOnProperty(name = "ticket.admin.login")
public class FirstAdmin implements ApplicationRunner {

  private final UserService users;
  private final Environment env;

  public FirstAdmin(UserService users, Environment env) {
    this.users = users;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    String login = env.getProperty("ticket.admin.login", "");
    if (login.isBlank() || users.findByLoginName(login).isPresent()) {
      return;
    }
    List<String> problems = SecretsGuard.problems(env, List.of("ticket.admin.password"));
    if (!problems.isEmpty()) {
      throw new SecretsGuard.InsecureSecretsException("the first admin " + login + " cannot be created: "
          + String.join(", ", problems) + "; set TICKET_ADMIN_PASSWORD");
    }
    DemoAccounts.ensure(users, login, env.getRequiredProperty("ticket.admin.password"), "Administrator",
        List.of(AuthHeaders.ROLE_ADMIN, AuthHeaders.ROLE_CUSTOMER));
  }
}
