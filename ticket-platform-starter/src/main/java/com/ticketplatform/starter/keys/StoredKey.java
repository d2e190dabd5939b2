package com.ticketplatform.starter.keys;

import java.time.Instant;

/**
 * One generation of a key as stored in {@code t_key}: the secret only wrapped by the {@link KeyVault}.
 *
 * @param kid the key's id, unique across purposes (a signature or a ciphertext names it)
 * @param purpose which key ring it belongs to
 * @param generation 1, 2, ... within the purpose
 * @param wrappedSecret the secret (private half) as {@link KeyVault#wrap} made it
 * @param publicPart the public half of a key pair (base64 of its X.509 encoding), or null
 * @param activeFrom when it starts to sign or encrypt
 * @param createdAt when it was added
 */
public record StoredKey(String kid, String purpose, int generation, String wrappedSecret, String publicPart,
    Instant activeFrom, Instant createdAt) {}
