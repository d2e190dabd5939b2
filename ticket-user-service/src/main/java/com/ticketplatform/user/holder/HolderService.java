package com.ticketplatform.user.holder;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.user.account.Times;
import com.ticketplatform.user.holder.HolderDtos.HolderView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Ticket holders: the real-name buyers a user may put on tickets. */
@Service
class HolderService {

  static final String HOLDER_EXISTS = "HOLDER_EXISTS";
  static final String HOLDER_LIMIT_REACHED = "HOLDER_LIMIT_REACHED";
  static final int MAX_HOLDERS = 20;

  private final TicketHolderMapper holders;
  private final HolderCipher cipher;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;

  HolderService(TicketHolderMapper holders, HolderCipher cipher, SnowflakeIdGenerator ids, Clock clock) {
    this.holders = holders;
    this.cipher = cipher;
    this.ids = ids;
    this.clock = clock;
  }

  List<HolderView> list(long userId) {
    return holders.selectList(new LambdaQueryWrapper<TicketHolderEntity>()
            .eq(TicketHolderEntity::getUserId, userId)
            .orderByAsc(TicketHolderEntity::getId))
        .stream().map(HolderView::of).toList();
  }

  HolderView add(long userId, String name, IdType type, String rawNumber) {
    String number = IdNumbers.normalise(type, rawNumber).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
        ErrorCodes.VALIDATION_FAILED, "request is invalid",
        Map.of("errors", Map.of("idNumber", "is not a valid " + type + " number"))));
    Long count = holders.selectCount(new LambdaQueryWrapper<TicketHolderEntity>()
        .eq(TicketHolderEntity::getUserId, userId));
    if (count != null && count >= MAX_HOLDERS) {
      throw ApiException.unprocessable(HOLDER_LIMIT_REACHED, "at most " + MAX_HOLDERS + " ticket holders per account");
    }
    TicketHolderEntity holder = new TicketHolderEntity();
    holder.setId(ids.nextIdFor(userId));
    holder.setUserId(userId);
    holder.setName(name.strip());
    holder.setIdType(type.name());
    holder.setIdNumberEnc(cipher.encrypt(number));
    holder.setIdNumberMask(IdNumbers.mask(number));
    holder.setIdNumberHash(cipher.lookupHash(type.name() + ":" + number));
    holder.setCreatedAt(Times.nowUtc(clock));
    try {
      holders.insert(holder);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict(HOLDER_EXISTS, "this person is already one of your ticket holders");
    }
    return HolderView.of(holder);
  }

  void remove(long userId, long holderId) {
    int deleted = holders.delete(new LambdaQueryWrapper<TicketHolderEntity>()
        .eq(TicketHolderEntity::getUserId, userId)
        .eq(TicketHolderEntity::getId, holderId));
    if (deleted == 0) {
      throw ApiException.notFound("ticket holder");
    }
  }
}
