package com.ticketplatform.user.auth;

/**
 * The CAPTCHA hook of {@link LoginThrottle} (docs/ARCHITECTURE.md §9). A deployment that wants a CAPTCHA after many
 * failed logins on one account declares a bean of this type that asks its provider (reCAPTCHA, hCaptcha, Turnstile:
 * each has a server-side "siteverify" call taking the answer and the client address). Without one, an account under
 * a spread-out guessing campaign only takes away the free attempts of clients it does not trust.
 */
public interface CaptchaVerifier {

  /** No CAPTCHA: what the platform runs with until a deployment configures a provider. */
  CaptchaVerifier NONE = new CaptchaVerifier() {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public boolean verify(String answer, String clientAddress) {
      return false;
    }
  };

  /** Whether challenged logins must carry an answer at all. */
  default boolean enabled() {
    return true;
  }

  /** Whether {@code answer} (null when the client sent none) proves a person at {@code clientAddress} solved it. */
  boolean verify(String answer, String clientAddress);
}
