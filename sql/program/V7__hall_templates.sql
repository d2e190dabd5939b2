-- Hall layout templates kept by the platform (docs/ARCHITECTURE.md §13): a named seat map (the hall request's
-- rows, cols, gaps, aisle columns, row settings and seat overrides, as JSON) any admin can start a hall from.
-- Names are unique across the platform.
CREATE TABLE hall_template (
  id          BIGINT       NOT NULL,
  name        VARCHAR(80)  NOT NULL,
  seat_rows   INT          NOT NULL,
  seat_cols   INT          NOT NULL,
  layout      TEXT         NOT NULL,
  created_by  BIGINT       NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_hall_template_name (name)
);
