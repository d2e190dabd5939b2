package com.ticketplatform.advert.advert;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AdvertMapper {

  @Insert("INSERT INTO t_advert (id, title, image_url, link_url, placement, starts_at, ends_at, priority, weight,"
      + " categories, cinema_ids, daily_cap, status, version, created_at, updated_at) VALUES (#{id}, #{title},"
      + " #{imageUrl}, #{linkUrl}, #{placement}, #{startsAt}, #{endsAt}, #{priority}, #{weight}, #{categories},"
      + " #{cinemaIds}, #{dailyCap}, #{status}, 0, #{createdAt}, #{updatedAt})")
  int insert(AdvertRow row);

  @Select("SELECT * FROM t_advert WHERE id = #{id}")
  AdvertRow findById(@Param("id") long id);

  /** Optimistic update: zero rows means someone else changed the advert since it was read. */
  @Update("UPDATE t_advert SET title = #{title}, image_url = #{imageUrl}, link_url = #{linkUrl},"
      + " placement = #{placement}, starts_at = #{startsAt}, ends_at = #{endsAt}, priority = #{priority},"
      + " weight = #{weight}, categories = #{categories}, cinema_ids = #{cinemaIds}, daily_cap = #{dailyCap},"
      + " status = #{status}, version = version + 1, updated_at = #{updatedAt}"
      + " WHERE id = #{id} AND version = #{version}")
  int update(AdvertRow row);

  /** Adverts of a placement whose window contains {@code now}. */
  @Select("SELECT * FROM t_advert WHERE placement = #{placement} AND status = 'ACTIVE'"
      + " AND starts_at <= #{now} AND ends_at > #{now}")
  List<AdvertRow> activeAt(@Param("placement") String placement, @Param("now") LocalDateTime now);

  @Select("<script>SELECT * FROM t_advert WHERE status = 'ACTIVE'<if test='afterId != null'> AND id &lt; #{afterId}"
      + "</if> ORDER BY id DESC LIMIT #{limit}</script>")
  List<AdvertRow> page(@Param("afterId") Long afterId, @Param("limit") int limit);

  @Insert("INSERT INTO t_advert_audit (id, advert_id, actor_id, action, before_json, after_json, at)"
      + " VALUES (#{id}, #{advertId}, #{actorId}, #{action}, #{beforeJson}, #{afterJson}, #{at})")
  int insertAudit(AuditRow row);

  @Select("SELECT * FROM t_advert_audit WHERE advert_id = #{advertId} ORDER BY id")
  List<AuditRow> audit(@Param("advertId") long advertId);

  /** One row of {@code t_advert_audit}. */
  class AuditRow {
    public Long id;
    public Long advertId;
    public Long actorId;
    public String action;
    public String beforeJson;
    public String afterJson;
    public LocalDateTime at;
  }
}
