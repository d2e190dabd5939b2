package com.ticketplatform.program.template;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.program.seatmap.SeatMapBuilder;
import com.ticketplatform.program.seatmap.SeatMapSpec;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Hall layout templates kept by the platform, shared by every admin. A template's seat map is checked exactly as a
 * hall's ({@link SeatMapBuilder}): a layout no hall could have is refused with the same problem.
 */
@Service
public class HallTemplateService {

  public static final String TEMPLATE_NAME_TAKEN = "TEMPLATE_NAME_TAKEN";

  private final HallTemplateMapper templates;
  private final ObjectMapper json;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;

  public HallTemplateService(HallTemplateMapper templates, ObjectMapper json, SnowflakeIdGenerator ids, Clock clock) {
    this.templates = templates;
    this.json = json;
    this.ids = ids;
    this.clock = clock;
  }

  @Transactional
  public long create(long adminId, HallTemplateRequest request, IdempotencyRecords.Recorder recorder) {
    SeatMapSpec layout = request.seatMap();
    SeatMapBuilder.build(layout);
    String name = request.name().trim();
    if (templates.selectCount(new QueryWrapper<HallTemplate>().eq("name", name)) > 0) {
      throw nameTaken(name);
    }
    HallTemplate template = new HallTemplate();
    template.id = ids.nextId();
    template.name = name;
    template.seatRows = layout.rows();
    template.seatCols = layout.cols();
    template.layout = json.writeValueAsString(layout);
    template.createdBy = adminId;
    template.createdAt = clock.instant();
    try {
      templates.insert(template);
    } catch (DuplicateKeyException raced) {
      // another admin saved the same name in between: the unique key decides
      throw nameTaken(name);
    }
    recorder.created(template.id);
    return template.id;
  }

  public HallTemplateView get(long templateId) {
    HallTemplate template = templates.selectById(templateId);
    if (template == null) {
      throw ApiException.notFound("hall template " + templateId);
    }
    return view(template);
  }

  /** Every template, by name. */
  public List<HallTemplateView> list() {
    return templates.selectList(new QueryWrapper<HallTemplate>().orderByAsc("name", "id")).stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public void delete(long templateId) {
    if (templates.deleteById(templateId) == 0) {
      throw ApiException.notFound("hall template " + templateId);
    }
  }

  private HallTemplateView view(HallTemplate template) {
    return HallTemplateView.of(template, json.readValue(template.layout, SeatMapSpec.class));
  }

  private static ApiException nameTaken(String name) {
    return ApiException.conflict(TEMPLATE_NAME_TAKEN, "a hall template named \"" + name + "\" already exists");
  }
}
