-- Keys this service keeps (token signing keys, holder-data keys, the idempotency fingerprint key), one row per
-- generation, each only wrapped by the key vault's key-encryption key: the database alone opens nothing
-- (docs/ARCHITECTURE.md §9). Rotation adds a generation that becomes active at active_from; (purpose, generation)
-- lets exactly one of several instances add it. The plain-text t_service_secret rows are moved here at first start.
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
