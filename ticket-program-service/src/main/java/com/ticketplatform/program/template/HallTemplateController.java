package com.ticketplatform.program.template;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.program.web.AdminResponses;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
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

/** Hall layout templates every admin shares (ADMIN only, as all of {@code /api/admin/**}). */
@RestController
@RequestMapping("/api/admin/hall-templates")
public class HallTemplateController {

  private final HallTemplateService templates;
  private final IdempotencyRecords idempotency;

  public HallTemplateController(HallTemplateService templates, IdempotencyRecords idempotency) {
    this.templates = templates;
    this.idempotency = idempotency;
  }

  @GetMapping
  public List<HallTemplateView> list() {
    return templates.list();
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  public ResponseEntity<HallTemplateView> create(Caller caller,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody HallTemplateRequest request) {
    long userId = caller.requireUser();
    return AdminResponses.created(idempotency.create(userId, "POST /api/admin/hall-templates", key,
        idempotency.hashOf(request), recorder -> templates.create(userId, request, recorder), templates::get));
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{templateId}")
  public ResponseEntity<Void> delete(@PathVariable long templateId) {
    templates.delete(templateId);
    return ResponseEntity.noContent().build();
  }
}
