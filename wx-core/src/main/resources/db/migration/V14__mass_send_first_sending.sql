-- When a send first went SENDING (sending_since moves with every retry). A 45065 answer
-- without a msg_id proves WeChat accepted the send but not under which msg_id: the
-- account's first MASSSENDJOBFINISH received after this moment that no other send claims
-- is its result.
ALTER TABLE ms_send
    ADD COLUMN first_sending_at DATETIME(3) NULL COMMENT 'when it first went SENDING' AFTER sending_since;

-- Existing sends: no earlier than both their slot and their confirmation, never later than
-- the first attempt.
UPDATE ms_send
   SET first_sending_at = GREATEST(slot_at, COALESCE(confirmed_at, slot_at))
 WHERE sending_since IS NOT NULL;
