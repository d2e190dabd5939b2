package com.ticketplatform.advert.advert;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Checks an advert request as a whole; every broken rule is reported at once, in the shape Bean Validation uses. */
public final class AdvertRules {

  private AdvertRules() {}

  public static void check(AdvertRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (Placement.parse(request.placement()).isEmpty()) {
      errors.put("placement", "must be one of HOME_BANNER, PROGRAM_DETAIL, CHECKOUT");
    }
    if (!request.endsAt().isAfter(request.startsAt())) {
      errors.put("endsAt", "must be after startsAt");
    }
    if (!isWebUrl(request.imageUrl())) {
      errors.put("imageUrl", "must be an absolute http(s) URL");
    }
    if (!isWebUrl(request.linkUrl())) {
      errors.put("linkUrl", "must be an absolute http(s) URL");
    }
    if (request.categories() != null) {
      for (String category : request.categories()) {
        if (!category.trim().matches("[A-Za-z_]{1,32}")) {
          errors.put("categories", "categories are names such as ACTION");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "request is invalid",
          Map.of("errors", errors));
    }
  }

  static boolean isWebUrl(String raw) {
    try {
      URI uri = new URI(raw.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
