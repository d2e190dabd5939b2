package com.ticketplatform.client.user;

import java.util.Collection;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user service's ticket holders as another service may see them (docs/ARCHITECTURE.md §12): what the order
 * service names a real-name ticket with. The ID number never leaves the user service, only its mask and its keyed
 * hash, which is the same for one ID number in every account (what the per-ID cap of a showtime counts).
 */
@FeignClient(name = "ticket-user-service", contextId = "holderClient", path = "/internal/users")
public interface HolderClient {

  /** The user's holders among {@code holderIds}; an id that is not one of the user's holders is left out. */
  @GetMapping("/{userId}/holders")
  List<HolderIdentity> holders(@PathVariable("userId") long userId,
      @RequestParam("holderIds") Collection<Long> holderIds);

  /**
   * @param idType       ID_CARD, PASSPORT, ...
   * @param idNumberMask the ID number with all but its ends hidden
   * @param idNumberHash a keyed hash of type and number: equal for the same person in any account
   */
  record HolderIdentity(long holderId, String name, String idType, String idNumberMask, String idNumberHash) {}
}
