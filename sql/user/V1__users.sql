-- ticket_user: users sharded by user id (t_user_0..1), the login-name lookup sharded by login-name hash
-- (t_user_login_0..1), ticket holders sharded with their owner (t_ticket_holder_0..1), and unsharded service state.

CREATE TABLE t_user_0 (
  id            BIGINT       NOT NULL PRIMARY KEY,
  login_name    VARCHAR(128) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(64)  NOT NULL,
  roles         VARCHAR(64)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  updated_at    DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_user_1 LIKE t_user_0;

-- The unique login name lives here: the primary key makes a concurrent duplicate registration fail in the database,
-- whichever user shard the two candidate users would have landed in.
CREATE TABLE t_user_login_0 (
  login_name VARCHAR(128) NOT NULL PRIMARY KEY,
  user_id    BIGINT       NOT NULL,
  created_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_user_login_1 LIKE t_user_login_0;

CREATE TABLE t_ticket_holder_0 (
  id              BIGINT       NOT NULL PRIMARY KEY,
  user_id         BIGINT       NOT NULL,
  name            VARCHAR(64)  NOT NULL,
  id_type         VARCHAR(16)  NOT NULL,
  -- AES-GCM ciphertext of the ID number; only the masked form ever leaves the service
  id_number_enc   VARCHAR(255) NOT NULL,
  id_number_mask  VARCHAR(64)  NOT NULL,
  -- keyed hash (HMAC) of the ID number: lets one user not add the same person twice without storing it in clear
  id_number_hash  CHAR(64)     NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_holder_user_number (user_id, id_type, id_number_hash),
  KEY idx_holder_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_ticket_holder_1 LIKE t_ticket_holder_0;

-- Secrets this service generates for itself on first start (the JWT signing key pair, the holder-data key).
-- Unsharded: one row per purpose, the primary key makes concurrent first starts agree on one secret.
CREATE TABLE t_service_secret (
  purpose     VARCHAR(32)  NOT NULL PRIMARY KEY,
  key_id      VARCHAR(64)  NOT NULL,
  secret      TEXT         NOT NULL,
  public_part TEXT         NULL,
  created_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
