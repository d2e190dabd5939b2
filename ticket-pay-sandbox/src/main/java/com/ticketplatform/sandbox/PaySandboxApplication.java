package com.ticketplatform.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PaySandboxApplication {

  public static void main(String[] args) {
    SpringApplication.run(PaySandboxApplication.class, args);
  }
}
