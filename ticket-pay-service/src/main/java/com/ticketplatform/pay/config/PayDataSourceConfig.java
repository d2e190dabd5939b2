package com.ticketplatform.pay.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableReferenceRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.apache.shardingsphere.single.config.SingleRuleConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One physical schema ({@code ticket_pay} + suffix). Flyway migrates it first, then the ShardingSphere DataSource is
 * built on top: {@code t_pay_flow} and {@code t_refund} are split into 4 tables by {@code order_no % 4} (bound, so
 * a join or a transaction for one order touches one table pair); everything else is a single table.
 */
@Configuration(proxyBeanMethods = false)
public class PayDataSourceConfig {

  static final String LOGIC_DB = "ticket_pay";
  static final String DS = "ds";
  public static final int TABLE_SHARDS = 4;

  /** The physical schema: Flyway's target and the outbox relay's direct line (no SQL rewriting needed there). */
  @Bean(destroyMethod = "close")
  public HikariDataSource payPhysicalDataSource(PayProperties pay, @Value("${ticket.mysql.host}") String host,
      @Value("${ticket.mysql.port}") int port, @Value("${ticket.mysql.username}") String user,
      @Value("${ticket.mysql.password:}") String password,
      @Value("${ticket.mysql.schema-suffix:}") String suffix) throws SQLException {
    String schema = pay.schema() + suffix;
    if (!schema.matches("[A-Za-z0-9_]+")) {
      throw new IllegalStateException("unsafe schema name " + schema);
    }
    String server = "jdbc:mariadb://" + host + ":" + port + "/";
    try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` DEFAULT CHARACTER SET utf8mb4");
    }
    HikariDataSource ds = new HikariDataSource();
    ds.setPoolName("pay-physical");
    ds.setJdbcUrl(server + schema);
    ds.setUsername(user);
    ds.setPassword(password);
    ds.setMaximumPoolSize(20);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration/pay").load().migrate();
    return ds;
  }

  @Bean
  @Primary
  public DataSource dataSource(@Qualifier("payPhysicalDataSource") HikariDataSource physical) throws SQLException {
    ShardingRuleConfiguration sharding = new ShardingRuleConfiguration();
    sharding.getTables().add(table("t_pay_flow"));
    sharding.getTables().add(table("t_refund"));
    sharding.getBindingTableGroups().add(new ShardingTableReferenceRuleConfiguration("pay_by_order",
        "t_pay_flow,t_refund"));
    sharding.getShardingAlgorithms().put(algorithmOf("t_pay_flow"), inline("t_pay_flow"));
    sharding.getShardingAlgorithms().put(algorithmOf("t_refund"), inline("t_refund"));
    SingleRuleConfiguration single = new SingleRuleConfiguration(List.of(DS + ".*"), DS);
    Properties props = new Properties();
    props.setProperty("sql-show", "false");
    return ShardingSphereDataSourceFactory.createDataSource(LOGIC_DB, null, Map.of(DS, physical),
        List.of(sharding, single), props);
  }

  private static ShardingTableRuleConfiguration table(String logic) {
    ShardingTableRuleConfiguration table = new ShardingTableRuleConfiguration(logic,
        DS + "." + logic + "_${0.." + (TABLE_SHARDS - 1) + "}");
    table.setTableShardingStrategy(new StandardShardingStrategyConfiguration("order_no", algorithmOf(logic)));
    return table;
  }

  private static String algorithmOf(String logic) {
    return logic + "_by_order_no";
  }

  /** order_no % 4: the same as the order number's shard gene % 4, since the gene is its low 8 bits. */
  private static AlgorithmConfiguration inline(String logic) {
    Properties props = new Properties();
    props.setProperty("algorithm-expression", logic + "_${order_no % " + TABLE_SHARDS + "}");
    return new AlgorithmConfiguration("INLINE", props);
  }

  @Bean
  public JdbcTemplate physicalJdbcTemplate(@Qualifier("payPhysicalDataSource") HikariDataSource physical) {
    return new JdbcTemplate(physical);
  }
}
