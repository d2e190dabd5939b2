package com.ticketplatform.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service's {@code /api/admin/**} needs role ADMIN, checked before a request body is read or validated, so a
 * non-admin learns nothing about which bodies would be valid. The gateway checks the same rule; this is the second
 * line for anything that reaches a service some other way.
 */
public class AdminRoutesGuard implements HandlerInterceptor, WebMvcConfigurer {

  public static final String ADMIN_ROUTES = "/api/admin/**";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Caller.of(request.getHeader(AuthHeaders.USER_ID), request.getHeader(AuthHeaders.USER_ROLES)).requireAdmin();
    return true;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(ADMIN_ROUTES);
  }
}
