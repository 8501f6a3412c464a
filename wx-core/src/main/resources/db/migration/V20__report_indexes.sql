-- Indexes for the reports and the self-inspection (README "Reports and self-inspection"):
-- every report reads one list of accounts over one period, so each table it reads gets an
-- index that starts with the account and goes on with the time the period is counted in.
-- No aggregate tables: with these the reports of 100 accounts over a year answer within
-- the benchmark's second (README "## Benchmark"), and nothing has to be kept in step.
CREATE INDEX idx_send_account_day ON ms_send (account_id, status, local_day);
CREATE INDEX idx_ticket_account_opened ON inb_ticket (account_id, first_message_at);
CREATE INDEX idx_entry_ticket_kind ON inb_ticket_entry (ticket_id, kind, delivery, created_at);
CREATE INDEX idx_review_chain_created ON art_review_chain (created_at);
CREATE INDEX idx_send_review_submitted ON ms_send_review (submitted_at);
