package com.ticketplatform.platform.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to find the metric names a query selects, so dashboards and alert rules can be checked
 * against deploy/METRICS.md. Not a parser: it strips everything that is not a metric name (strings, label matchers,
 * ranges, grouping clauses, numbers, Grafana variables) and keeps identifiers that are not followed by "(" (functions
 * and aggregations) and are not operators or keywords.
 */
final class PromQl {

  private static final Set<String> KEYWORDS = Set.of(
      "and", "or", "unless", "bool", "by", "without", "on", "ignoring", "group_left", "group_right", "offset",
      "atan2", "inf", "nan", "start", "end");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z]+");
  private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*(?::[a-z]+)?}?");
  private static final Pattern NUMBER =
      Pattern.compile("(?<![a-zA-Z0-9_:])(?:0x[0-9a-fA-F]+|[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    String s = STRING.matcher(expr).replaceAll(" ");
    s = LABEL_MATCHERS.matcher(s).replaceAll(" ");
    s = RANGE.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    s = OFFSET.matcher(s).replaceAll(" ");
    s = GRAFANA_VARIABLE.matcher(s).replaceAll(" ");
    s = NUMBER.matcher(s).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String name = m.group();
      if (KEYWORDS.contains(name.toLowerCase()) || s.substring(m.end()).stripLeading().startsWith("(")) {
        continue;
      }
      names.add(name);
    }
    return names;
  }
}
