-- The table of the starter's key ring (docs/ARCHITECTURE.md §9), in the schema of each service that keeps keys: one
-- row per generation of each purpose's key, the secret only wrapped by the key vault's key-encryption key. A service
-- creates it with this exact statement in one of its own Flyway migrations (the user service's V2__key_ring.sql);
-- (purpose, generation) lets exactly one of several instances add a generation. Behind ShardingSphere it is a single
-- table (the !SINGLE rule's "*.*").
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
