package com.ticketplatform.comment.web;

import com.ticketplatform.common.web.AuthHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /api/admin/**} route needs role ADMIN, checked before the request body is read or validated, so a
 * non-admin learns nothing (not even which bodies would be valid): always 403.
 */
@Configuration(proxyBeanMethods = false)
class AdminGuard implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Caller.of(null, request.getHeader(AuthHeaders.USER_ROLES)).requireAdmin();
        return true;
      }
    }).addPathPatterns("/api/admin/**");
  }
}
