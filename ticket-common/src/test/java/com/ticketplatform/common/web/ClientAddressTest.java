package com.ticketplatform.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void anIpv6ClientIsItsSlash64AndIpv4StaysAsItIs() {
    assertThat(ClientAddress.limitSubject("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo(ClientAddress.limitSubject("2001:db8:1:2::1"))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientAddress.limitSubject("2001:db8:1:3::1"))
        .isNotEqualTo(ClientAddress.limitSubject("2001:db8:1:2::1"));
    assertThat(ClientAddress.limitSubject("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientAddress.limitSubject("10.1.2.3")).isEqualTo("10.1.2.3");
    assertThat(ClientAddress.limitSubject("::ffff:10.1.2.3")).as("IPv4-mapped").isEqualTo("10.1.2.3");
    assertThat(ClientAddress.limitSubject(null)).isNull();
  }
}
