package com.ticketplatform.program.support;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/** Counts every MyBatis statement by id, so a test can prove a request did (or did not) reach the database. */
@Intercepts({
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
            BoundSql.class}),
    @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
public class QueryCounter implements Interceptor {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
    counts.computeIfAbsent(statement.getId(), id -> new AtomicInteger()).incrementAndGet();
    return invocation.proceed();
  }

  @Override
  public void setProperties(Properties properties) {}

  public void reset() {
    counts.clear();
  }

  public int count(String statementIdSuffix) {
    return counts.entrySet().stream().filter(e -> e.getKey().endsWith(statementIdSuffix))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  /**
   * Statements of the catalogue itself: everything but the background showtime finisher and search indexer (the
   * outbox is written and relayed over JDBC, not through MyBatis).
   */
  public int catalogueStatements() {
    return counts.entrySet().stream()
        .filter(e -> !e.getKey().endsWith("finishEnded")
            && !e.getKey().contains("SearchSourceMapper"))
        .mapToInt(e -> e.getValue().get()).sum();
  }
}
