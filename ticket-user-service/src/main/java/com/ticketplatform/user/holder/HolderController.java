package com.ticketplatform.user.holder;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.user.holder.HolderDtos.CreateHolderRequest;
import com.ticketplatform.user.holder.HolderDtos.HolderView;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.starter.idempotency.RedisIdempotency;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me/holders")
class HolderController {

  private final HolderService holders;
  private final RedisIdempotency idempotency;

  HolderController(HolderService holders, RedisIdempotency idempotency) {
    this.holders = holders;
    this.idempotency = idempotency;
  }

  @GetMapping
  List<HolderView> list(Caller caller) {
    return holders.list(caller.requireUser());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<HolderView> add(Caller caller, @Valid @RequestBody CreateHolderRequest request,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    long userId = caller.requireUser();
    HolderView created = idempotency.execute("holder:" + userId, idempotencyKey, HolderView.class,
        () -> holders.add(userId, request.name(), request.idType(), request.idNumber()),
        request.name(), request.idType(), request.idNumber()).value();
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{holderId}")
  ResponseEntity<Void> remove(Caller caller, @PathVariable long holderId) {
    holders.remove(caller.requireUser(), holderId);
    return ResponseEntity.noContent().build();
  }
}
