package com.ticketplatform.user.auth;

import java.time.Instant;

/** A signed access token and the facts about it the service needs later (revocation by jti until it expires). */
public record AccessToken(String value, String jti, Instant expiresAt) {}
