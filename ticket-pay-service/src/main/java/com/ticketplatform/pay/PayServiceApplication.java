package com.ticketplatform.pay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PayServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PayServiceApplication.class, args);
  }
}
