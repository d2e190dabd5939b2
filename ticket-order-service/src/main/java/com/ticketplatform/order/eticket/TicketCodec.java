package com.ticketplatform.order.eticket;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The text form of a signed e-ticket, what its QR code holds: {@code T1.<payload>.<signature>}, both base64url without
 * padding. The payload is a compact binary record (version, key generation, ids, seconds, UTF-8 strings), the
 * signature Ed25519 over the payload bytes — about 200 characters, a QR code a phone shows at arm's length.
 */
public final class TicketCodec {

  static final String PREFIX = "T1.";
  private static final int VERSION = 1;
  private static final int MAX_LENGTH = 1024;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private TicketCodec() {}

  /** A code as read from a gate: the record, and the exact bytes and signature to verify. */
  public record Parsed(TicketCode code, byte[] payload, byte[] signature) {}

  public static byte[] payload(TicketCode code) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(code.keyNumber());
      out.writeLong(code.ticketId());
      out.writeLong(code.orderNo());
      out.writeLong(code.showtimeId());
      out.writeLong(code.cinemaId());
      out.writeLong(code.validFrom().getEpochSecond());
      out.writeLong(code.validUntil().getEpochSecond());
      writeText(out, code.seatLabel());
      writeText(out, code.holder());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  public static String text(byte[] payload, byte[] signature) {
    return PREFIX + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature);
  }

  /** Empty for anything that is not a well-formed code of this version (the gate says INVALID). */
  public static Optional<Parsed> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.length() > MAX_LENGTH || !trimmed.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = trimmed.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODER.decode(parts[0]);
      byte[] signature = DECODER.decode(parts[1]);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
      if (in.readUnsignedByte() != VERSION) {
        return Optional.empty();
      }
      int keyNumber = in.readInt();
      long ticketId = in.readLong();
      long orderNo = in.readLong();
      long showtimeId = in.readLong();
      long cinemaId = in.readLong();
      Instant validFrom = Instant.ofEpochSecond(in.readLong());
      Instant validUntil = Instant.ofEpochSecond(in.readLong());
      String seat = readText(in);
      String holder = readText(in);
      if (in.available() != 0) {
        return Optional.empty();
      }
      return Optional.of(new Parsed(new TicketCode(keyNumber, ticketId, orderNo, showtimeId, cinemaId, seat, holder,
          validFrom, validUntil), payload, signature));
    } catch (IllegalArgumentException | IOException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 255) {
      throw new IllegalArgumentException("a ticket text field is at most 255 bytes");
    }
    out.writeByte(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readUnsignedByte();
    byte[] utf8 = in.readNBytes(length);
    if (utf8.length != length) {
      throw new IOException("truncated");
    }
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
