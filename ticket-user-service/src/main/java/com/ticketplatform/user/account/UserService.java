package com.ticketplatform.user.account;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts: registration, lookup by id or login name, the admin list. */
@Service
public class UserService {

  public static final String LOGIN_NAME_TAKEN = "LOGIN_NAME_TAKEN";

  private final UserMapper users;
  private final UserLoginMapper logins;
  private final PasswordEncoder passwords;
  private final SnowflakeIdGenerator ids;
  private final TransactionTemplate tx;
  private final Clock clock;

  public UserService(UserMapper users, UserLoginMapper logins, PasswordEncoder passwords, SnowflakeIdGenerator ids,
      TransactionTemplate tx, Clock clock) {
    this.users = users;
    this.logins = logins;
    this.passwords = passwords;
    this.ids = ids;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Creates the account. The login-name row is inserted first, in the same transaction as the user row: its primary
   * key is what makes two concurrent registrations of one name end with exactly one account.
   */
  public UserView register(String rawLoginName, String password, String displayName, List<String> roles) {
    String loginName = LoginNames.normalise(rawLoginName)
        .orElseThrow(() -> new IllegalArgumentException("loginName must be an e-mail address or a mobile number"));
    // hashed before the transaction: BCrypt is slow on purpose and must not hold a connection
    String hash = passwords.encode(password);
    LocalDateTime now = Times.nowUtc(clock);
    UserEntity user = new UserEntity();
    user.setId(ids.nextId());
    user.setLoginName(loginName);
    user.setPasswordHash(hash);
    user.setDisplayName(displayName.strip());
    user.setRoles(Roles.format(roles));
    user.setCreatedAt(now);
    user.setUpdatedAt(now);
    try {
      tx.executeWithoutResult(status -> {
        logins.insert(new UserLoginEntity(loginName, user.getId(), now));
        users.insert(user);
      });
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict(LOGIN_NAME_TAKEN, "this login name is already registered");
    }
    return UserView.of(user);
  }

  public Optional<UserEntity> findByLoginName(String rawLoginName) {
    return LoginNames.normalise(rawLoginName)
        .map(logins::selectById)
        .map(login -> users.selectById(login.getUserId()));
  }

  public Optional<UserEntity> findById(long userId) {
    return Optional.ofNullable(users.selectById(userId));
  }

  public UserView get(long userId) {
    return findById(userId).map(UserView::of).orElseThrow(() -> ApiException.notFound("user"));
  }

  /** Users in id order across both shards (ShardingSphere merges the ordered shard results). */
  public CursorPage<UserView> list(PageRequest page) {
    LambdaQueryWrapper<UserEntity> query = new LambdaQueryWrapper<UserEntity>()
        .gt(!page.isFirst(), UserEntity::getId, page.afterLong())
        .orderByAsc(UserEntity::getId)
        .last("LIMIT " + (page.size() + 1));
    List<UserView> fetched = users.selectList(query).stream().map(UserView::of).toList();
    return page.page(fetched, UserView::id);
  }
}
