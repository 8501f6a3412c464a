-- The gateway applies the account's inbox rules before its passive reply (MALICIOUS
-- messages get none). An account may also choose that messages a rule routes to a
-- category get only the ticket's acknowledgement, so the follower is not told twice.
ALTER TABLE wx_account
    ADD COLUMN routed_ack_only BOOLEAN NOT NULL DEFAULT FALSE
        COMMENT 'messages an inbox rule routes get only the acknowledgement, no passive reply';
