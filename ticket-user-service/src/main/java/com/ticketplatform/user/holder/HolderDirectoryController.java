package com.ticketplatform.user.holder;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.ticketplatform.client.user.HolderClient;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider side of {@link HolderClient}: a user's holders as the order service names real-name tickets with them
 * (docs/ARCHITECTURE.md §12). Only the masked ID number and its keyed hash leave the service. Internal: the gateway
 * does not route {@code /internal/**}.
 */
@RestController
@RequestMapping("/internal/users")
class HolderDirectoryController implements HolderClient {

  /** More than any order can name (the per-showtime seat limit is far lower). */
  private static final int MAX_LOOKUP = 50;

  private final TicketHolderMapper holders;

  HolderDirectoryController(TicketHolderMapper holders) {
    this.holders = holders;
  }

  @Override
  public List<HolderIdentity> holders(long userId, Collection<Long> holderIds) {
    if (holderIds == null || holderIds.isEmpty()) {
      return List.of();
    }
    List<Long> wanted = holderIds.stream().distinct().limit(MAX_LOOKUP).toList();
    // the owner's id routes the query to one shard; a holder of another user is simply not found
    return holders.selectList(new LambdaQueryWrapper<TicketHolderEntity>()
            .eq(TicketHolderEntity::getUserId, userId)
            .in(TicketHolderEntity::getId, wanted))
        .stream()
        .map(h -> new HolderIdentity(h.getId(), h.getName(), h.getIdType(), h.getIdNumberMask(),
            h.getIdNumberHash()))
        .toList();
  }
}
