package com.ticketplatform.user.auth;

import com.ticketplatform.user.auth.AuthDtos.LoginRequest;
import com.ticketplatform.user.auth.AuthDtos.LogoutRequest;
import com.ticketplatform.user.auth.AuthDtos.RefreshRequest;
import com.ticketplatform.user.auth.AuthDtos.TokenResponse;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.common.web.ClientAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

  static final String JWKS_PATH = "/api/users/.well-known/jwks.json";

  private final AuthService auth;
  private final SigningKeys keys;

  AuthController(AuthService auth, SigningKeys keys) {
    this.auth = auth;
    this.keys = keys;
  }

  @PostMapping("/api/users/login")
  ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    return noStore(auth.login(request.loginName(), request.password(), request.captcha(), ClientAddress.of(http)));
  }

  @PostMapping("/api/users/token/refresh")
  ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
    return noStore(auth.refresh(request.refreshToken()));
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PostMapping("/api/users/logout")
  ResponseEntity<Void> logout(Caller caller,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @Valid @RequestBody(required = false) LogoutRequest request) {
    long userId = caller.requireUser();
    String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim() : null;
    auth.logout(userId, bearer, request == null ? null : request.refreshToken());
    return ResponseEntity.noContent().build();
  }

  /** The public halves of the signing keys, for the gateway (and anyone) to verify access tokens. */
  @GetMapping(JWKS_PATH)
  @SuppressWarnings("unchecked")
  ResponseEntity<JwkSet> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(new JwkSet((List<Map<String, Object>>) keys.publicJwkSet().get("keys")));
  }

  /** A JSON Web Key Set (RFC 7517 §5): upcoming, current and recently retired public keys. */
  record JwkSet(
      @Schema(description = "RFC 7517 public keys (kty, kid, use, alg, n, e)") List<Map<String, Object>> keys) {}

  private static ResponseEntity<TokenResponse> noStore(TokenResponse body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
  }
}
