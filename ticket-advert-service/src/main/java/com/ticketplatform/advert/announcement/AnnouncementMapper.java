package com.ticketplatform.advert.announcement;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AnnouncementMapper {

  @Insert("INSERT INTO t_announcement (id, title, body, audience, showtime_id, recipients, created_by, created_at)"
      + " VALUES (#{id}, #{title}, #{body}, #{audience}, #{showtimeId}, #{recipients}, #{createdBy}, #{createdAt})")
  int insert(AnnouncementRow row);

  @Select("<script>SELECT * FROM t_announcement WHERE audience = 'ALL'<if test='afterId != null'>"
      + " AND id &lt; #{afterId}</if> ORDER BY id DESC LIMIT #{limit}</script>")
  List<AnnouncementRow> pageForAll(@Param("afterId") Long afterId, @Param("limit") int limit);

  @Select("<script>SELECT * FROM t_announcement WHERE id IN"
      + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
  List<AnnouncementRow> findByIds(@Param("ids") Collection<Long> ids);

  @Insert("<script>INSERT IGNORE INTO t_announcement_inbox (id, user_id, announcement_id, read_at, created_at) VALUES"
      + "<foreach collection='rows' item='r' separator=','>(#{r.id}, #{r.userId}, #{r.announcementId}, NULL,"
      + " #{r.createdAt})</foreach></script>")
  int insertInbox(@Param("rows") List<InboxRow> rows);

  @Select("<script>SELECT * FROM t_announcement_inbox WHERE user_id = #{userId}<if test='afterId != null'>"
      + " AND id &lt; #{afterId}</if> ORDER BY id DESC LIMIT #{limit}</script>")
  List<InboxRow> pageInbox(@Param("userId") long userId, @Param("afterId") Long afterId, @Param("limit") int limit);

  @Select("SELECT * FROM t_announcement_inbox WHERE user_id = #{userId} AND id = #{id}")
  InboxRow findInbox(@Param("userId") long userId, @Param("id") long id);

  @Update("UPDATE t_announcement_inbox SET read_at = #{now} WHERE user_id = #{userId} AND id = #{id}"
      + " AND read_at IS NULL")
  int markRead(@Param("userId") long userId, @Param("id") long id, @Param("now") LocalDateTime now);

  class AnnouncementRow {
    public Long id;
    public String title;
    public String body;
    public String audience;
    public Long showtimeId;
    public Integer recipients;
    public Long createdBy;
    public LocalDateTime createdAt;
  }

  class InboxRow {
    public Long id;
    public Long userId;
    public Long announcementId;
    public LocalDateTime readAt;
    public LocalDateTime createdAt;
  }
}
