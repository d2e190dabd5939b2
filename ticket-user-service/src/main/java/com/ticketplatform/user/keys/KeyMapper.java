package com.ticketplatform.user.keys;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface KeyMapper {

  @Select("SELECT kid, purpose, generation, wrapped_secret, public_part, active_from, created_at FROM t_key"
      + " WHERE purpose = #{purpose} ORDER BY generation")
  List<KeyRow> generations(@Param("purpose") String purpose);

  /** Fails with a duplicate key when another instance added this generation first. */
  @Insert("INSERT INTO t_key (kid, purpose, generation, wrapped_secret, public_part, active_from, created_at)"
      + " VALUES (#{kid}, #{purpose}, #{generation}, #{wrappedSecret}, #{publicPart}, #{activeFrom}, #{createdAt})")
  int insert(KeyRow row);

  /** Re-wraps one generation under the current KEK, unless another instance already did. */
  @Update("UPDATE t_key SET wrapped_secret = #{fresh} WHERE kid = #{kid} AND wrapped_secret = #{stale}")
  int rewrap(@Param("kid") String kid, @Param("stale") String stale, @Param("fresh") String fresh);
}
