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

  /** {@code auth:login:pair:<name hash>:<address>} → hash {n, last}: attempts on one account from one client. */
  static String loginAttemptsByAccountAndClient(String loginNameHash, String address) {
    return "auth:login:pair:" + loginNameHash + ":" + address;
  }

  /** {@code auth:login:client:<address>} → hash {n, last}: attempts from one client on any account. */
  static String loginAttemptsByClient(String address) {
    return "auth:login:client:" + address;
  }

  /** {@code auth:login:account:<name hash>} → attempts on one account from anywhere, not yet taken back. */
  static String failedLoginsByAccount(String loginNameHash) {
    return "auth:login:account:" + loginNameHash;
  }

  /** {@code auth:login:trusted:<name hash>} → sorted set of client addresses, scored by their last good login. */
  static String trustedClients(String loginNameHash) {
    return "auth:login:trusted:" + loginNameHash;
  }

  private AuthRedisKeys() {}
}
