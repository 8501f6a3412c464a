-- The audit record (存档备查): one row per state-changing action, appended in the same
-- transaction as the change. Each entry's hash covers its content and the previous entry's
-- hash, so editing or deleting an entry breaks the chain. adm_audit_head holds the last
-- sequence number and hash; appenders lock it, which both orders the chain and lets a
-- verifier notice that the newest entries were deleted.

CREATE TABLE adm_audit_entry (
    seq            BIGINT        NOT NULL PRIMARY KEY COMMENT 'gap-free position in the chain, from 1',
    occurred_at    DATETIME(3)   NOT NULL,
    person_id      BIGINT        NULL     COMMENT 'NULL for the system itself',
    username       VARCHAR(64)   NOT NULL,
    roles          VARCHAR(255)  NOT NULL COMMENT 'the roles the person held for this action',
    client_ip      VARCHAR(64)   NULL,
    action         VARCHAR(64)   NOT NULL,
    target_type    VARCHAR(32)   NOT NULL,
    target_id      VARCHAR(64)   NULL,
    account_id     BIGINT        NULL,
    before_state   TEXT          NULL     COMMENT 'JSON summary before the change, never secrets',
    after_state    TEXT          NULL     COMMENT 'JSON summary after the change, never secrets',
    prev_hash      CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_audit_person ON adm_audit_entry (person_id, occurred_at);
CREATE INDEX idx_audit_account ON adm_audit_entry (account_id, occurred_at);
CREATE INDEX idx_audit_action ON adm_audit_entry (action, occurred_at);
CREATE INDEX idx_audit_time ON adm_audit_entry (occurred_at);

CREATE TABLE adm_audit_head (
    id         TINYINT   NOT NULL PRIMARY KEY,
    last_seq   BIGINT    NOT NULL,
    last_hash  CHAR(64)  NOT NULL
) ENGINE = InnoDB;

INSERT INTO adm_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
