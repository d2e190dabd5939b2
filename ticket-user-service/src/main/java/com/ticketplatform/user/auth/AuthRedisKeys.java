package com.ticketplatform.user.auth;

/**
 * Redis key layout of authentication state. {@link #REVOKED_JTI_PREFIX} is also read by the gateway (which keeps
 * the same constant): change both together.
 */
public final class AuthRedisKeys {

  /** {@code auth:revoked-jti:<jti>} exists while a logged-out access token would otherwise still be valid. */
  public static final String REVOKED_JTI_PREFIX = "auth:revoked-jti:";

  /** {@code auth:rt:{<family>}:<sha256 of token>} → hash {userId, used}. The hash tag keeps a family on one slot. */
  static String refreshToken(String family, String tokenHash) {
    return "auth:rt:{" + family + "}:" + tokenHash;
  }

  /** {@code auth:rtf:{<family>}} → user id; the family is live while this key exists. */
  static String refreshFamily(String family) {
    return "auth:rtf:{" + family + "}";
  }

  static String failedLoginsByName(String loginNameHash) {
    return "auth:fail:login:" + loginNameHash;
  }

  static String failedLoginsByAddress(String address) {
    return "auth:fail:ip:" + address;
  }

  private AuthRedisKeys() {}
}
