package com.ticketplatform.user.keys;

import java.time.LocalDateTime;

/** One generation of a key as stored in {@code t_key}: the secret only wrapped, times in UTC. */
public class KeyRow {
  public String kid;
  public String purpose;
  public int generation;
  public String wrappedSecret;
  public String publicPart;
  public LocalDateTime activeFrom;
  public LocalDateTime createdAt;
}
