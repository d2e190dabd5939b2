package com.ticketplatform.user.holder;

import com.ticketplatform.common.json.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;
import com.ticketplatform.user.account.Times;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

final class HolderDtos {

  private HolderDtos() {}

  record CreateHolderRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "^[\\p{L}][\\p{L}\\p{M} ·.'-]*$", message = "must be a person's name")
      String name,
      @NotNull IdType idType,
      @NotBlank @Size(max = 32) String idNumber) {}

  /** A holder as clients see it: the ID number only ever masked. */
  record HolderView(@Schema(pattern = PublicIds.PATTERN, example = "7263104932859904001") String id,
      String name, IdType idType, String idNumber, Instant createdAt) {

    static HolderView of(TicketHolderEntity holder) {
      return new HolderView(Long.toString(holder.getId()), holder.getName(), IdType.valueOf(holder.getIdType()),
          holder.getIdNumberMask(), Times.toInstant(holder.getCreatedAt()));
    }
  }
}
