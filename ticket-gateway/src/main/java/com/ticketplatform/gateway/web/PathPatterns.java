package com.ticketplatform.gateway.web;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Sets of path patterns the gateway's own filters match requests against (Spring's PathPattern syntax). */
public final class PathPatterns {

  private final PathPattern[] patterns;

  private PathPatterns(PathPattern[] patterns) {
    this.patterns = patterns;
  }

  public static PathPatterns of(String... patterns) {
    PathPattern[] parsed = new PathPattern[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      parsed[i] = PathPatternParser.defaultInstance.parse(patterns[i]);
    }
    return new PathPatterns(parsed);
  }

  public boolean matchAny(PathContainer path) {
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
