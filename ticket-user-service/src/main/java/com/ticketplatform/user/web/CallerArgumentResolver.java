package com.ticketplatform.user.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link Caller} parameter from the gateway's identity headers; without them the request is a 401. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest request, WebDataBinderFactory binderFactory) {
    String rawId = request.getHeader(AuthHeaders.USER_ID);
    long userId;
    try {
      userId = Long.parseLong(rawId == null ? "" : rawId.trim());
    } catch (NumberFormatException e) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "authentication required");
    }
    String rawRoles = request.getHeader(AuthHeaders.USER_ROLES);
    Set<String> roles = rawRoles == null ? Set.of()
        : Arrays.stream(rawRoles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    return new Caller(userId, roles);
  }
}
