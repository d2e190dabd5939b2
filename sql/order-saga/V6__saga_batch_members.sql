-- The orders a batch saga placed (accepted orders, docs/ARCHITECTURE.md §2 "Accepted orders"): the saga log is keyed
-- by the batch, so an order's outcome is read from its batch's instance. Written before the batch's saga starts.
CREATE TABLE saga_batch_member (
  order_no     BIGINT      NOT NULL PRIMARY KEY,
  business_key VARCHAR(48) NOT NULL,
  KEY idx_saga_batch_member_key (business_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
