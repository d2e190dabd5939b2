package com.ticketplatform.advert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AdvertServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AdvertServiceApplication.class, args);
  }
}
