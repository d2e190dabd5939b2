package com.ticketplatform.advert.config;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Configuration;

/**
 * MyBatis mappers of this service. Its data source (the schema migrated by Flyway, behind ShardingSphere-JDBC) comes
 * from ticket-platform-starter, configured under {@code ticket.persistence} in application.yml.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "com.ticketplatform.advert", annotationClass = org.apache.ibatis.annotations.Mapper.class)
class PersistenceConfig {}
