-- E-tickets at the door (docs/ARCHITECTURE.md §12): when and through which gate a ticket was first admitted. A
-- ticket with an admission is used: it admits nobody else, and its order is no longer refundable.
ALTER TABLE t_order_ticket_0 ADD COLUMN checked_in_at DATETIME(3) NULL, ADD COLUMN checked_in_gate VARCHAR(64) NULL;
ALTER TABLE t_order_ticket_1 ADD COLUMN checked_in_at DATETIME(3) NULL, ADD COLUMN checked_in_gate VARCHAR(64) NULL;
ALTER TABLE t_order_ticket_2 ADD COLUMN checked_in_at DATETIME(3) NULL, ADD COLUMN checked_in_gate VARCHAR(64) NULL;
ALTER TABLE t_order_ticket_3 ADD COLUMN checked_in_at DATETIME(3) NULL, ADD COLUMN checked_in_gate VARCHAR(64) NULL;
