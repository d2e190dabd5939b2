package com.ticketplatform.user.holder;

/** Identity documents a ticket holder may be registered with (real-name ticketing). */
public enum IdType {
  /** Mainland China resident identity card: 18 characters with an ISO 7064 MOD 11-2 check character. */
  ID_CARD,
  PASSPORT,
  /** Mainland travel permit for Hong Kong and Macao residents. */
  HK_MACAO_PERMIT,
  /** Mainland travel permit for Taiwan residents. */
  TAIWAN_PERMIT
}
