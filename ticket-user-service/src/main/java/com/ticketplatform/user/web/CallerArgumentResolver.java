package com.ticketplatform.user.web;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.Caller;
import org.springframework.core.MethodParameter;
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
    Caller caller = Caller.of(request.getHeader(AuthHeaders.USER_ID), request.getHeader(AuthHeaders.USER_ROLES));
    caller.requireUser();
    return caller;
  }
}
