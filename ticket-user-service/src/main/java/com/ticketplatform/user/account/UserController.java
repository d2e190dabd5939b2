package com.ticketplatform.user.account;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.user.web.IdempotentExecutor;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

  private final UserService users;
  private final IdempotentExecutor idempotent;

  UserController(UserService users, IdempotentExecutor idempotent) {
    this.users = users;
    this.idempotent = idempotent;
  }

  @PostMapping("/api/users/register")
  ResponseEntity<UserView> register(@Valid @RequestBody RegisterRequest request,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    UserView created = idempotent.execute("register", idempotencyKey, UserView.class,
        () -> users.register(request.loginName(), request.password(), request.displayName(),
            List.of(AuthHeaders.ROLE_CUSTOMER)),
        request.loginName(), request.password(), request.displayName());
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @GetMapping("/api/users/me")
  UserView me(Caller caller) {
    return users.get(caller.userId());
  }

  @GetMapping("/api/admin/users")
  CursorPage<UserView> list(Caller caller, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    caller.requireAdmin();
    return users.list(PageRequest.of(cursor, size));
  }
}
