package com.ticketplatform.user.secret;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Secrets this service makes for itself on first start and keeps in its own schema, so they survive restarts and
 * are shared with no other service. When several instances start together, the primary key on {@code purpose}
 * lets exactly one generated secret win; the others read it back.
 */
@Component
public class ServiceSecrets {

  private final ServiceSecretMapper mapper;

  public ServiceSecrets(ServiceSecretMapper mapper) {
    this.mapper = mapper;
  }

  public ServiceSecretEntity getOrCreate(String purpose, Supplier<ServiceSecretEntity> generator) {
    ServiceSecretEntity existing = mapper.selectById(purpose);
    if (existing != null) {
      return existing;
    }
    ServiceSecretEntity generated = generator.get();
    generated.setPurpose(purpose);
    try {
      mapper.insert(generated);
      return generated;
    } catch (DuplicateKeyException raced) {
      return mapper.selectById(purpose);
    }
  }
}
