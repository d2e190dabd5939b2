package com.ticketplatform.common.json;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The wire rule for ids (docs/ARCHITECTURE.md §6): a property named {@code id}, {@code …Id}, {@code …Ids},
 * {@code orderNo} or {@code orderNos} whose value is an integer (or integers) is written as a JSON string of decimal
 * digits, because Snowflake ids exceed 2^53 and a JavaScript client would silently read a neighbouring id from a JSON
 * number. Requests may carry such ids as strings (what every client should send) or as JSON integers, which Jackson
 * reads exactly. {@link PublicIdsModule} applies the rule to every response and {@code PublicIdsOpenApiCustomizer} to
 * every document, so the two cannot disagree.
 */
public final class PublicIds {

  /** What an id looks like on the wire. */
  public static final String PATTERN = "^[0-9]{1,19}$";

  private static final Pattern NAME = Pattern.compile("id|.*Id|.*Ids|orderNo|orderNos");

  private PublicIds() {}

  /** Whether a property of this name carries ids. */
  public static boolean isIdName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** A value as it goes on the wire under {@code name}: integers of id-named properties as strings. */
  public static Object toWire(String name, Object value) {
    if (!isIdName(name)) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Collection<?> values
        && values.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
      return values.stream().map(Object::toString).toList();
    }
    return value;
  }
}
