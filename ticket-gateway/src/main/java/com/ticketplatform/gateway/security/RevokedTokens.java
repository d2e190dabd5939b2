package com.ticketplatform.gateway.security;

/** The user service's deny-list of logged-out access tokens (its AuthRedisKeys keeps the same prefix). */
final class RevokedTokens {

  static final String REVOKED_JTI_PREFIX = "auth:revoked-jti:";

  private RevokedTokens() {}
}
