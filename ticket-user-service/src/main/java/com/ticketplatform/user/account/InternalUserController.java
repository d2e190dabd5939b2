package com.ticketplatform.user.account;

import com.ticketplatform.client.user.UserClient;
import com.ticketplatform.common.error.ApiException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal contract {@link UserClient} (not routed by the gateway; {@code /internal/**} answers only the
 * platform's own services, docs/ARCHITECTURE.md §9). A login name is an e-mail address or a phone number
 * ({@link LoginNames}): only the first is a mail recipient.
 */
@RestController
@RequestMapping("/internal/users")
public class InternalUserController implements UserClient {

  private final UserService users;

  public InternalUserController(UserService users) {
    this.users = users;
  }

  @Override
  public Contact contact(long userId) {
    UserEntity user = users.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
    String login = user.getLoginName();
    String email = login != null && login.indexOf('@') > 0 ? login : null;
    return new Contact(userId, email, user.getDisplayName());
  }
}
