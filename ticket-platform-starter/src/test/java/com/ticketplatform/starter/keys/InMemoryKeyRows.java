package com.ticketplatform.starter.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code t_key} in memory, with its primary key (kid) and its (purpose, generation) key. */
class InMemoryKeyRows implements KeyRows {

  final List<StoredKey> rows = new ArrayList<>();
  int reads;

  @Override
  public synchronized List<StoredKey> generations(String purpose) {
    reads++;
    return rows.stream().filter(r -> r.purpose().equals(purpose))
        .sorted(Comparator.comparingInt(StoredKey::generation)).toList();
  }

  @Override
  public synchronized boolean insert(StoredKey key) {
    boolean taken = rows.stream().anyMatch(r -> r.kid().equals(key.kid())
        || r.purpose().equals(key.purpose()) && r.generation() == key.generation());
    return !taken && rows.add(key);
  }

  @Override
  public synchronized boolean rewrap(String kid, String stale, String fresh) {
    for (int i = 0; i < rows.size(); i++) {
      StoredKey r = rows.get(i);
      if (r.kid().equals(kid) && r.wrappedSecret().equals(stale)) {
        rows.set(i, new StoredKey(r.kid(), r.purpose(), r.generation(), fresh, r.publicPart(), r.activeFrom(),
            r.createdAt()));
        return true;
      }
    }
    return false;
  }
}
