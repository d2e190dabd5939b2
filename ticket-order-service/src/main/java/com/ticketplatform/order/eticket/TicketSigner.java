package com.ticketplatform.order.eticket;

import com.ticketplatform.starter.keys.KeyRing;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs e-ticket codes with the current Ed25519 generation of the service's key ring (purpose {@value #PURPOSE},
 * private halves wrapped by the key vault, docs/ARCHITECTURE.md §9) and verifies them with any published one. A code
 * names its key's generation, so keys rotate without invalidating codes already shown: a generation is published
 * until {@link #RETIRE_AFTER} past its successor, longer than any code is valid for.
 */
public class TicketSigner {

  public static final String PURPOSE = "ticket-signing";
  /** Codes are made when the holder opens them and are valid at most until their showtime ends. */
  public static final Duration RETIRE_AFTER = Duration.ofDays(60);

  private final KeyRing ring;

  public TicketSigner(KeyRing ring) {
    this.ring = ring;
  }

  /** A new generation's key pair: the private half as PKCS#8, the public half as X.509, base64. */
  public static KeyRing.Material generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new KeyRing.Material("ticket-" + UUID.randomUUID(), pair.getPrivate().getEncoded(),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  /** The generation that signs now. */
  public int currentKey() {
    return ring.current().number();
  }

  public String sign(TicketCode code) {
    KeyRing.Generation key = ring.byNumber(code.keyNumber())
        .orElseThrow(() -> new IllegalStateException("no ticket key " + code.keyNumber()));
    byte[] payload = TicketCodec.payload(code);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(key.secret())));
      signer.update(payload);
      return TicketCodec.text(payload, signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a ticket", e);
    }
  }

  /** The code if its signature verifies with a published key; empty for anything forged, altered or unknown. */
  public Optional<TicketCode> verify(String text) {
    return TicketCodec.parse(text).filter(parsed -> {
      int newest = ring.current().number() + 1; // one may be published ahead of its time
      if (parsed.code().keyNumber() < 1 || parsed.code().keyNumber() > newest) {
        return false; // no such key: never a reason to reload the ring
      }
      return ring.byNumber(parsed.code().keyNumber())
          .filter(key -> ring.isPublished(key, RETIRE_AFTER))
          .map(key -> verifies(key.publicPart(), parsed.payload(), parsed.signature()))
          .orElse(false);
    }).map(TicketCodec.Parsed::code);
  }

  /** The verification keys a gate needs, newest first. */
  public List<VerificationKey> publishedKeys() {
    return ring.published(RETIRE_AFTER).stream()
        .map(g -> new VerificationKey(g.number(), "Ed25519", g.publicPart()))
        .toList();
  }

  /** A published verification key: its generation (the number a code names) and its X.509 public key, base64. */
  public record VerificationKey(int number, String algorithm, String publicKey) {}

  static boolean verifies(String publicPart, byte[] payload, byte[] signature) {
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicPart)));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(payload);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
