package com.ticketplatform.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.Caller;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void readsTheForwardedIdentity() {
    Caller caller = Caller.of(" 42 ", "CUSTOMER, ADMIN");
    assertThat(caller.requireUser()).isEqualTo(42L);
    assertThat(caller.isAdmin()).isTrue();
    assertThat(caller.requireAdmin()).isSameAs(caller);
  }

  @Test
  void anonymousCallersAre401ForUserAndAdminRoutes() {
    Caller anonymous = Caller.of(null, "ADMIN");
    assertThat(anonymous.isAnonymous()).isTrue();
    assertThatThrownBy(anonymous::requireUser).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status().value()).isEqualTo(401));
    assertThatThrownBy(anonymous::requireAdmin).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status().value()).isEqualTo(401));
  }

  @Test
  void customersAre403OnAdminRoutes() {
    assertThatThrownBy(() -> Caller.of("7", "CUSTOMER").requireAdmin()).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status().value()).isEqualTo(403));
    assertThatThrownBy(() -> Caller.of("7", "ADMINISTRATOR").requireAdmin()).isInstanceOf(ApiException.class);
  }

  @Test
  void aMalformedOrNonPositiveIdIs401() {
    for (String id : new String[] {"abc", "0", "-3", "1e3"}) {
      assertThatThrownBy(() -> Caller.of(id, null)).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.status().value()).isEqualTo(401));
    }
  }
}
