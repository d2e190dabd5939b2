package com.ticketplatform.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service while one of its secrets is missing or a value anyone can read in this repository
 * (docs/ARCHITECTURE.md §9). Each service names its secrets in {@code ticket.security.secrets}; only the local profile
 * ({@code ./ticket up}) and the tests, on one developer machine, set {@code ticket.security.dev-secrets-allowed}.
 */
public final class SecretsGuard {

  /** Values published in this repository, its compose file or its README, and the usual placeholders. */
  static final Set<String> KNOWN = Set.of("dev-sandbox-secret-change-me", "ticket", "admin", "root", "password",
      "secret", "changeme", "change-me", "seata", "nacos", "admin#2026", "demo#2026",
      "local-platform-internal-secret");

  private SecretsGuard() {}

  /** The secrets that are missing or known, as "property (why)"; empty when every secret is acceptable. */
  public static List<String> problems(Environment env, List<String> secrets) {
    List<String> problems = new ArrayList<>();
    for (String name : secrets) {
      String value = env.getProperty(name);
      if (value == null || value.isBlank()) {
        problems.add(name + " (missing)");
      } else if (KNOWN.contains(value.toLowerCase(Locale.ROOT)) || value.toLowerCase(Locale.ROOT).contains("change-me")
          || value.toLowerCase(Locale.ROOT).contains("changeme")) {
        problems.add(name + " (a published default)");
      } else if (value.length() < 12) {
        problems.add(name + " (shorter than 12 characters)");
      }
    }
    return problems;
  }

  /** Throws, naming every offending property, unless development secrets are allowed here. */
  public static void check(Environment env) {
    if (env.getProperty("ticket.security.dev-secrets-allowed", Boolean.class, false)) {
      return;
    }
    List<String> secrets = List.of(env.getProperty("ticket.security.secrets", String[].class, new String[0]));
    List<String> problems = new ArrayList<>(problems(env, secrets));
    if (env.getProperty("ticket.demo.enabled", Boolean.class, false)) {
      problems.add("ticket.demo.enabled (demo accounts with published passwords, and demo data, exist only in the"
          + " local profile)");
    }
    if (!problems.isEmpty()) {
      throw new InsecureSecretsException("refusing to start with unsafe secrets: " + String.join(", ", problems)
          + ". Set them in the environment (compose: the .env file, see .env.example); development defaults are"
          + " accepted only in the local profile (./ticket up).");
    }
  }

  /** The service would start with a secret anyone knows. */
  public static final class InsecureSecretsException extends IllegalStateException {
    public InsecureSecretsException(String message) {
      super(message);
    }
  }
}
