package com.ticketplatform.notify.config;

import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.client.user.UserClient;
import com.ticketplatform.notify.delivery.Deliveries;
import com.ticketplatform.notify.delivery.DeliverySender;
import com.ticketplatform.notify.delivery.MailComposer;
import com.ticketplatform.notify.notice.NoticeTexts;
import com.ticketplatform.notify.notice.NotifyProperties;
import com.ticketplatform.notify.preference.Preferences;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Mail (docs/ARCHITECTURE.md §14): Thymeleaf for the templates (HTML and text, messages from the service's
 * MessageSource), the composer, the sender on its schedule, and the Feign clients it reads e-tickets and contacts
 * through.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableFeignClients(clients = {OrderClient.class, UserClient.class})
class MailConfig {

  @Bean
  SpringTemplateEngine mailTemplates(MessageSource messages) {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    engine.setTemplateEngineMessageSource(messages);
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    return resolver;
  }

  @Bean
  MailComposer mailComposer(SpringTemplateEngine mailTemplates, NoticeTexts texts, OrderClient orders,
      NotifyProperties properties) {
    return new MailComposer(mailTemplates, texts, orders, properties);
  }

  @Bean
  DeliverySender deliverySender(Deliveries deliveries, MailComposer composer, JavaMailSenderImpl smtp,
      UserClient users, Preferences preferences, ObjectMapper json, Clock clock, NotifyProperties properties,
      MeterRegistry meters) {
    return new DeliverySender(deliveries, composer, smtp, users, preferences, json, clock, properties, meters);
  }
}
