package com.ticketplatform.starter.idempotency;

/** What an idempotent create answers: its result, and whether an earlier request with the same key made it. */
public record IdempotencyOutcome<T>(T value, boolean replayed) {}
