-- Indexes for the inbox's frequent queries: the acknowledgement retry (PENDING ones, every
-- 30 s) and everything per follower (the window's message count on each reply, the
-- follower's thread).
CREATE INDEX idx_ticket_ack_pending ON inb_ticket (ack_status, created_at);
CREATE INDEX idx_ticket_follower ON inb_ticket (account_id, openid);
