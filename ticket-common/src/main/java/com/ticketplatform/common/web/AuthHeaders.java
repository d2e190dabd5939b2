package com.ticketplatform.common.web;

/**
 * Headers the gateway sets after verifying the caller's token. Services trust them only because the gateway strips
 * any client-sent copy first; a service is never reachable from outside except through the gateway.
 */
public final class AuthHeaders {

  /** The authenticated user's id (decimal). */
  public static final String USER_ID = "X-User-Id";
  /** Comma-separated roles, e.g. {@code CUSTOMER,ADMIN}. */
  public static final String USER_ROLES = "X-User-Roles";
  /** Client-chosen key that makes a retried write return the first outcome instead of repeating it. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  public static final String ROLE_CUSTOMER = "CUSTOMER";
  public static final String ROLE_ADMIN = "ADMIN";
  /** Door staff, scoped to one cinema: the role is {@code DOOR:<cinemaId>}. */
  public static final String ROLE_DOOR = "DOOR";

  private AuthHeaders() {}
}
