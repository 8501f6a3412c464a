-- An acknowledgement WeChat certainly did not receive (it could not be reached, or answered
-- a server error) goes back to PENDING and is tried again, up to a few attempts in all.
ALTER TABLE inb_ticket
    ADD COLUMN ack_attempts INT NOT NULL DEFAULT 0 COMMENT 'acknowledgement attempts made' AFTER ack_due_at;
