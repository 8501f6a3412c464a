-- WeChat gives a service account 4 mass sends a month. Counting first let concurrent
-- composes for different days all pass the count; the database now holds the quota like
-- the one-per-day rule: each send of a service account claims one of four month slots, a
-- unique key on (account_id, month_claim, month_slot), and a failed or cancelled send
-- frees its slot as it frees its day. The month is that of local_day (the account's zone).
ALTER TABLE ms_send
    ADD COLUMN month_slot TINYINT NULL COMMENT '1 to 4 for service accounts: which of the month''s sends it holds'
        AFTER local_day;

ALTER TABLE ms_send
    ADD COLUMN month_claim DATE AS (CASE WHEN month_slot IS NULL OR status IN ('FAILED', 'CANCELLED') THEN NULL
        ELSE local_day - INTERVAL (DAYOFMONTH(local_day) - 1) DAY END) STORED
        COMMENT 'first day of local_day''s month while the send holds its slot' AFTER month_slot;

-- Existing sends of service accounts that hold their day get slots in day order. A month
-- that already had more than four (the concurrency defect) keeps them all, numbered on
-- past 4, so no further send fits in it.
UPDATE ms_send s
  JOIN (SELECT ms.id,
               ROW_NUMBER() OVER (PARTITION BY ms.account_id, YEAR(ms.local_day), MONTH(ms.local_day)
                                  ORDER BY ms.local_day, ms.id) AS n
          FROM ms_send ms
          JOIN wx_account a ON a.id = ms.account_id
         WHERE a.account_type = 'SERVICE' AND ms.status NOT IN ('FAILED', 'CANCELLED')) r ON r.id = s.id
   SET s.month_slot = r.n;

ALTER TABLE ms_send
    ADD CONSTRAINT uk_send_month_slot UNIQUE (account_id, month_claim, month_slot);
