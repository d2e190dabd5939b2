package com.ticketplatform.user.account;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.starter.idempotency.RedisIdempotency;
import com.ticketplatform.common.ratelimit.FixedWindowLimiter;
import com.ticketplatform.common.web.ClientAddress;
import com.ticketplatform.user.config.AuthProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

  private final UserService users;
  private final RedisIdempotency idempotency;
  private final FixedWindowLimiter registrations;
  private final AuthProperties.Registration registrationLimit;

  UserController(UserService users, RedisIdempotency idempotency, StringRedisTemplate redis,
      AuthProperties properties) {
    this.users = users;
    this.idempotency = idempotency;
    this.registrations = new FixedWindowLimiter(redis, "auth:register:client:", "new accounts from one address");
    this.registrationLimit = properties.registration();
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/users/register")
  ResponseEntity<UserView> register(@Valid @RequestBody RegisterRequest request,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      HttpServletRequest http) {
    String client = ClientAddress.of(http);
    UserView created = idempotency.execute("register", idempotencyKey, UserView.class,
        () -> {
          // a replayed registration is not a new account: only first attempts count against the address
          registrations.hit(client, registrationLimit.perClient(), registrationLimit.window());
          return users.register(request.loginName(), request.password(), request.displayName(),
              List.of(AuthHeaders.ROLE_CUSTOMER));
        },
        request.loginName(), request.password(), request.displayName()).value();
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @GetMapping("/api/users/me")
  UserView me(Caller caller) {
    return users.get(caller.requireUser());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/admin/users/door-staff")
  ResponseEntity<UserView> addDoorStaff(Caller caller, @Valid @RequestBody DoorStaffRequest request,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    long admin = caller.requireAdmin().userId();
    UserView created = idempotency.execute("door-staff:" + admin, idempotencyKey, UserView.class,
        () -> users.register(request.loginName(), request.password(), request.displayName(),
            List.of(AuthHeaders.ROLE_DOOR + ":" + request.cinemaId())),
        request.loginName(), request.password(), request.displayName(), request.cinemaId()).value();
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @GetMapping("/api/admin/users")
  CursorPage<UserView> list(Caller caller, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    caller.requireAdmin();
    return users.list(PageRequest.of(cursor, size));
  }
}
