package com.ticketplatform.comment.comment;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL over the logical tables {@code t_comment}, {@code t_comment_like}, {@code t_comment_report}; ShardingSphere
 * routes each statement by {@code program_id} or by the gene in the comment id. Every statement names one of them.
 */
@Mapper
public interface CommentMapper {

  @Insert("INSERT INTO t_comment (id, program_id, user_id, parent_id, rater_id, rating, text, status, like_count,"
      + " reply_count, report_count, edited, created_at, updated_at) VALUES (#{id}, #{programId}, #{userId},"
      + " #{parentId}, #{raterId}, #{rating}, #{text}, #{status}, 0, 0, 0, 0, #{createdAt}, #{updatedAt})")
  int insert(CommentRow row);

  @Select("SELECT * FROM t_comment WHERE id = #{id}")
  CommentRow findById(@Param("id") long id);

  @Select("SELECT * FROM t_comment WHERE program_id = #{programId} AND rater_id = #{userId}")
  CommentRow findRating(@Param("programId") long programId, @Param("userId") long userId);

  /** Top-level visible comments of a program, newest first, after the cursor's id. */
  @Select("<script>SELECT * FROM t_comment WHERE program_id = #{programId} AND parent_id = #{parentId}"
      + " AND status = 'VISIBLE'<if test='afterId != null'> AND id &lt; #{afterId}</if>"
      + " ORDER BY id DESC LIMIT #{limit}</script>")
  List<CommentRow> pageNewest(@Param("programId") long programId, @Param("parentId") long parentId,
      @Param("afterId") Long afterId, @Param("limit") int limit);

  /** Top-level visible comments of a program, most liked first (newest first among equals), after the cursor. */
  @Select("<script>SELECT * FROM t_comment WHERE program_id = #{programId} AND parent_id = 0"
      + " AND status = 'VISIBLE'<if test='afterId != null'> AND (like_count &lt; #{afterLikes}"
      + " OR (like_count = #{afterLikes} AND id &lt; #{afterId}))</if>"
      + " ORDER BY like_count DESC, id DESC LIMIT #{limit}</script>")
  List<CommentRow> pageLiked(@Param("programId") long programId, @Param("afterLikes") Integer afterLikes,
      @Param("afterId") Long afterId, @Param("limit") int limit);

  @Update("UPDATE t_comment SET rating = #{rating}, text = #{text}, edited = 1, updated_at = #{updatedAt}"
      + " WHERE id = #{id} AND program_id = #{programId}")
  int updateRatingAndText(CommentRow row);

  @Update("UPDATE t_comment SET status = #{to}, updated_at = #{now} WHERE id = #{id} AND status = #{from}")
  int changeStatus(@Param("id") long id, @Param("from") String from, @Param("to") String to,
      @Param("now") java.time.LocalDateTime now);

  @Update("UPDATE t_comment SET reply_count = reply_count + #{delta} WHERE id = #{id} AND program_id = #{programId}")
  int addReplies(@Param("id") long id, @Param("programId") long programId, @Param("delta") int delta);

  @Update("UPDATE t_comment SET like_count = like_count + #{delta} WHERE id = #{id} AND program_id = #{programId}")
  int addLikes(@Param("id") long id, @Param("programId") long programId, @Param("delta") int delta);

  @Update("UPDATE t_comment SET report_count = report_count + 1 WHERE id = #{id} AND program_id = #{programId}")
  int incrementReports(@Param("id") long id, @Param("programId") long programId);

  @Insert("INSERT IGNORE INTO t_comment_like (comment_id, user_id, program_id, created_at)"
      + " VALUES (#{commentId}, #{userId}, #{programId}, #{now})")
  int insertLike(@Param("commentId") long commentId, @Param("userId") long userId,
      @Param("programId") long programId, @Param("now") java.time.LocalDateTime now);

  @Delete("DELETE FROM t_comment_like WHERE comment_id = #{commentId} AND user_id = #{userId}"
      + " AND program_id = #{programId}")
  int deleteLike(@Param("commentId") long commentId, @Param("userId") long userId,
      @Param("programId") long programId);

  @Select("SELECT COUNT(*) FROM t_comment_like WHERE comment_id = #{commentId} AND user_id = #{userId}"
      + " AND program_id = #{programId}")
  int countLike(@Param("commentId") long commentId, @Param("userId") long userId,
      @Param("programId") long programId);

  @Insert("INSERT IGNORE INTO t_comment_report (comment_id, user_id, program_id, reason, created_at)"
      + " VALUES (#{commentId}, #{userId}, #{programId}, #{reason}, #{now})")
  int insertReport(@Param("commentId") long commentId, @Param("userId") long userId,
      @Param("programId") long programId, @Param("reason") String reason, @Param("now") java.time.LocalDateTime now);

  /**
   * The reports of some comments (ShardingSphere sends the statement to the tables their ids' genes name), newest
   * first: what the moderation queue shows of each.
   */
  @Select("<script>SELECT comment_id, reason, created_at FROM t_comment_report WHERE comment_id IN"
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>"
      + " ORDER BY created_at DESC, user_id</script>")
  List<ReportRow> reportsOf(@Param("ids") java.util.Collection<Long> ids);

  /** One abuse report as moderators see it (the reporter stays unnamed). */
  class ReportRow {
    public Long commentId;
    public String reason;
    public java.time.LocalDateTime createdAt;
  }

  /**
   * The moderation queue across every program (all shards, merged by ShardingSphere in id order): hidden comments,
   * or visible ones with at least one abuse report.
   */
  @Select("<script>SELECT * FROM t_comment WHERE<choose><when test='hidden'> status = 'HIDDEN'</when>"
      + "<otherwise> status = 'VISIBLE' AND report_count &gt; 0</otherwise></choose>"
      + "<if test='afterId != null'> AND id &lt; #{afterId}</if> ORDER BY id DESC LIMIT #{limit}</script>")
  List<CommentRow> moderationQueue(@Param("hidden") boolean hidden, @Param("afterId") Long afterId,
      @Param("limit") int limit);

  /** Visible ratings of a program grouped by stars: rows of (rating, n). */
  @Select("SELECT rating AS stars, COUNT(*) AS n FROM t_comment WHERE program_id = #{programId} AND parent_id = 0"
      + " AND status = 'VISIBLE' GROUP BY rating")
  List<RatingCount> ratingHistogram(@Param("programId") long programId);

  /** One bucket of the histogram. */
  class RatingCount {
    public Integer stars;
    public Long n;
  }
}
