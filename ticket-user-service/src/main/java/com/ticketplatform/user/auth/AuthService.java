package com.ticketplatform.user.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.user.account.LoginNames;
import com.ticketplatform.user.account.Roles;
import com.ticketplatform.user.account.UserEntity;
import com.ticketplatform.user.account.UserService;
import com.ticketplatform.user.auth.AuthDtos.TokenResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Login, refresh and logout. */
@Service
public class AuthService {

  public static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";

  private final UserService users;
  private final PasswordEncoder passwords;
  private final TokenService tokens;
  private final RefreshTokens refreshTokens;
  private final RevokedTokens revoked;
  private final LoginThrottle throttle;
  /** Checked when the login name is unknown, so both failures cost one BCrypt and take as long. */
  private final String decoyHash;

  public AuthService(UserService users, PasswordEncoder passwords, TokenService tokens, RefreshTokens refreshTokens,
      RevokedTokens revoked, LoginThrottle throttle) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.revoked = revoked;
    this.throttle = throttle;
    this.decoyHash = passwords.encode("decoy-password-never-matches-0");
  }

  public TokenResponse login(String rawLoginName, String password, String captcha, String clientAddress) {
    String throttleName = LoginNames.normalise(rawLoginName).orElse(rawLoginName.strip().toLowerCase(Locale.ROOT));
    throttle.beforeAttempt(throttleName, clientAddress, captcha);
    Optional<UserEntity> user = users.findByLoginName(rawLoginName);
    boolean matches;
    if (user.isPresent()) {
      matches = passwords.matches(password, user.get().getPasswordHash());
    } else {
      passwords.matches(password, decoyHash);
      matches = false;
    }
    if (!matches) {
      // the same answer whether the account exists or not
      throw new ApiException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS, "login name or password is wrong");
    }
    throttle.recordSuccess(throttleName, clientAddress);
    UserEntity found = user.get();
    return issue(found, refreshTokens.startFamily(found.getId()));
  }

  public TokenResponse refresh(String refreshToken) {
    RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
    UserEntity user = users.findById(rotation.userId())
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, RefreshTokens.INVALID_REFRESH_TOKEN,
            "refresh token is invalid or expired"));
    // roles are read again: a role granted or withdrawn since login takes effect at the next refresh
    return issue(user, rotation.nextToken());
  }

  /**
   * Revokes the presented access token (until it would have expired) and, when given, the refresh-token family.
   * Only the caller's own tokens are touched.
   */
  public void logout(long callerId, String accessToken, String refreshToken) {
    if (accessToken != null) {
      tokens.read(accessToken)
          .filter(claims -> Long.toString(callerId).equals(claims.getSubject()))
          .filter(claims -> claims.getJWTID() != null && claims.getExpirationTime() != null)
          .ifPresent(this::revoke);
    }
    if (refreshToken != null && !refreshToken.isBlank()) {
      refreshTokens.revokeFamily(refreshToken, callerId);
    }
  }

  private void revoke(JWTClaimsSet claims) {
    revoked.revoke(claims.getJWTID(), claims.getExpirationTime().toInstant());
  }

  private TokenResponse issue(UserEntity user, String refreshToken) {
    AccessToken access = tokens.issue(user.getId(), Roles.parse(user.getRoles()));
    return new TokenResponse(access.value(), "Bearer", tokens.lifetime().toSeconds(), refreshToken);
  }
}
