-- Same-day acknowledgement (回复制度: 当日给出研究办理的回复): a ticket still NEW after the end
-- of the local day (the account's time zone) its first message arrived on is overdue, and is
-- escalated to the central office like a ticket past its result date. NULL for malicious
-- tickets, which get no acknowledgement, and for tickets opened before this migration.
ALTER TABLE inb_ticket
    ADD COLUMN ack_due_at DATETIME(3) NULL COMMENT 'end of the local day the ticket opened: acknowledged by then' AFTER ack_status;

CREATE INDEX idx_ticket_ack_due ON inb_ticket (status, ack_due_at);
