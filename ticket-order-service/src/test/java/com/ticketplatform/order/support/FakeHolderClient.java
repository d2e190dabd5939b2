package com.ticketplatform.order.support;

import com.ticketplatform.client.user.HolderClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** In-process stand-in for the user service's ticket holders (another service: the IT boundary). */
public class FakeHolderClient implements HolderClient {

  private final Map<Long, Map<Long, HolderIdentity>> byUser = new ConcurrentHashMap<>();

  /**
   * Saves a holder for {@code userId}; the same {@code idNumber} gives the same hash in every account, as the user
   * service's keyed hash does.
   */
  public long add(long userId, String name, String idNumber) {
    long id = ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 40);
    String mask = idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7)
        + idNumber.substring(idNumber.length() - 4);
    byUser.computeIfAbsent(userId, u -> new ConcurrentHashMap<>())
        .put(id, new HolderIdentity(id, name, "ID_CARD", mask, sha256(idNumber)));
    return id;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<HolderIdentity> holders(long userId, Collection<Long> holderIds) {
    Map<Long, HolderIdentity> mine = byUser.getOrDefault(userId, Map.of());
    return holderIds.stream().filter(mine::containsKey).map(mine::get).toList();
  }
}
