package com.ticketplatform.comment.comment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Moderation and abuse settings ({@code ticket.comment.*}).
 *
 * @param bannedWords the banned words the stored list is seeded with, once, when there is none yet: afterwards admins
 *     keep the list ({@code PUT /api/admin/comments/banned-words}, {@link BannedWords})
 * @param bannedWordsRefresh how long an instance uses its copy of the banned words before it compares the stored
 *     list's version (a change made on this instance is used at once; on others within this time)
 * @param postsPerWindow how many comments/replies one user may post per {@code postWindow}
 * @param postsPerClient how many comments/replies all accounts at one client address may post per {@code clientWindow}
 * @param reportsPerClient how many abuse reports all accounts at one client address may file per {@code clientWindow}
 * @param clientWindow the window of the per-address limits (throwaway accounts share their address's budget)
 * @param autoHideReports distinct abuse reports after which a comment is hidden pending review (0 = never)
 * @param summaryTtl how long a computed rating summary may stay cached (writes invalidate it sooner)
 */
@ConfigurationProperties("ticket.comment")
public record CommentProperties(List<String> bannedWords, Integer postsPerWindow, Duration postWindow,
    Integer postsPerClient, Integer reportsPerClient, Duration clientWindow, Integer autoHideReports,
    Duration summaryTtl, Duration bannedWordsRefresh) {

  public CommentProperties {
    bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
    postsPerWindow = postsPerWindow == null ? 5 : postsPerWindow;
    postWindow = postWindow == null ? Duration.ofMinutes(1) : postWindow;
    postsPerClient = postsPerClient == null ? 20 : postsPerClient;
    reportsPerClient = reportsPerClient == null ? 10 : reportsPerClient;
    clientWindow = clientWindow == null ? Duration.ofMinutes(10) : clientWindow;
    autoHideReports = autoHideReports == null ? 5 : autoHideReports;
    summaryTtl = summaryTtl == null ? Duration.ofHours(1) : summaryTtl;
    bannedWordsRefresh = bannedWordsRefresh == null ? Duration.ofSeconds(5) : bannedWordsRefresh;
  }
}
