package com.ticketplatform.starter.web;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.Caller;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a handler's {@link Caller} parameter from the identity headers ({@link AuthHeaders#USER_ID},
 * {@link AuthHeaders#USER_ROLES}), which {@code InternalAuthFilter} has already checked against the internal
 * credential. Without them the caller is anonymous: a handler that needs a user says so ({@link Caller#requireUser()},
 * {@link Caller#requireAdmin()}); a malformed user id is a 401 ({@link Caller#of}).
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest request, WebDataBinderFactory binderFactory) {
    return Caller.of(request.getHeader(AuthHeaders.USER_ID), request.getHeader(AuthHeaders.USER_ROLES));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }
}
