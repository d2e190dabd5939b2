package com.ticketplatform.user.account;

import com.ticketplatform.common.json.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A user as clients see it. The id is a string: Snowflake ids exceed JavaScript's safe integer range.
 */
public record UserView(@Schema(pattern = PublicIds.PATTERN, example = "7263104932859904001") String id,
    String loginName, String displayName, List<String> roles, Instant createdAt) {

  static UserView of(UserEntity user) {
    return new UserView(Long.toString(user.getId()), user.getLoginName(), user.getDisplayName(),
        Roles.parse(user.getRoles()), Times.toInstant(user.getCreatedAt()));
  }
}
