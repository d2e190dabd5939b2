package com.ticketplatform.client.user;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The user service's internal contract for other services (how to reach a customer). */
@FeignClient(name = "ticket-user-service", contextId = "userClient", path = "/internal/users")
public interface UserClient {

  /** A user's contact (404 when there is no such user). */
  @GetMapping("/{userId}/contact")
  Contact contact(@PathVariable("userId") long userId);

  /**
   * {@code email}: the login name when it is an e-mail address, null for an account that signs in with a phone
   * number (such a user is told in the in-app inbox only); {@code displayName} may be null.
   */
  record Contact(long userId, String email, String displayName) {}
}
