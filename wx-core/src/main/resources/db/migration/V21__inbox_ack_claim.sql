-- Who claimed a ticket's acknowledgement (PENDING -> SENDING): a random token per attempt. When the
-- claim's own UPDATE fails on a lost connection, the sender cannot tell whether it was applied;
-- reading the token back tells it, so a claim that was applied is released (back to PENDING, for
-- the retry) instead of leaving the ticket SENDING, never to be acknowledged.
ALTER TABLE inb_ticket
    ADD COLUMN ack_claim CHAR(36) NULL COMMENT 'token of the attempt that holds the acknowledgement (SENDING)' AFTER ack_attempts;
