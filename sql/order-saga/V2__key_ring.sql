-- The key ring of the order service (e-ticket signing keys, docs/ARCHITECTURE.md §12): one place for every instance,
-- so in the unsharded schema rather than once per shard database. The starter's t_key layout (t_key.sql).
CREATE TABLE t_key (
  kid            VARCHAR(64)  NOT NULL PRIMARY KEY,
  purpose        VARCHAR(32)  NOT NULL,
  generation     INT          NOT NULL,
  wrapped_secret TEXT         NOT NULL,
  public_part    TEXT         NULL,
  active_from    DATETIME(3)  NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_key_purpose_generation (purpose, generation)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
