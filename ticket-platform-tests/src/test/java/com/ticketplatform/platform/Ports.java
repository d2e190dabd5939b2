package com.ticketplatform.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The platform's port table, {@code deploy/ports} (what ./ticket starts every piece on), in its order. */
public final class Ports {

  private Ports() {}

  /** Every piece and its port, read from {@code deploy/ports} under the repository root. */
  public static Map<String, Integer> of(Path repoRoot) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(repoRoot.resolve("deploy/ports"))) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        String[] parts = entry.split("\\s+");
        ports.put(parts[0], Integer.parseInt(parts[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(ports);
  }

  /** The platform's own Spring Boot applications (the pieces named ticket-*). */
  public static Map<String, Integer> applications(Path repoRoot) {
    Map<String, Integer> apps = new LinkedHashMap<>();
    of(repoRoot).forEach((piece, port) -> {
      if (piece.startsWith("ticket-")) {
        apps.put(piece, port);
      }
    });
    return Collections.unmodifiableMap(apps);
  }
}
