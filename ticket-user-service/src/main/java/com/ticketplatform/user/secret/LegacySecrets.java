package com.ticketplatform.user.secret;

import com.ticketplatform.user.account.Times;
import com.ticketplatform.starter.keys.KeyRing;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keys an earlier version kept in plain text in {@code t_service_secret}: each moves into its {@link KeyRing} as
 * generation 1 (so tokens and ciphertexts made with it stay valid) and its plain-text row is deleted.
 */
@Component
public class LegacySecrets {

  private final ServiceSecretMapper mapper;

  public LegacySecrets(ServiceSecretMapper mapper) {
    this.mapper = mapper;
  }

  public Optional<KeyRing.Legacy> take(String purpose) {
    ServiceSecretEntity row = mapper.selectById(purpose);
    if (row == null) {
      return Optional.empty();
    }
    KeyRing.Material material = new KeyRing.Material(row.getKeyId(), Base64.getDecoder().decode(row.getSecret()),
        row.getPublicPart());
    return Optional.of(new KeyRing.Legacy(material, Times.toInstant(row.getCreatedAt()),
        () -> mapper.deleteById(purpose)));
  }
}
