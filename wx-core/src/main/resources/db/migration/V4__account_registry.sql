-- The account registry (登记表): who owns and answers for each account, its policies, its
-- lifecycle with reasons, re-filings when the responsible person or administrator changes,
-- the annual (November) review, and the test followers that receive previews.

ALTER TABLE wx_account
    ADD COLUMN owning_department_id      BIGINT       NULL AFTER name,
    ADD COLUMN wechat_id                 VARCHAR(64)  NULL COMMENT '微信号' AFTER original_id,
    ADD COLUMN verified                  BOOLEAN      NOT NULL DEFAULT FALSE COMMENT '认证情况',
    ADD COLUMN verified_on               DATE         NULL,
    ADD COLUMN responsible_name          VARCHAR(64)  NULL COMMENT '负责人',
    ADD COLUMN responsible_office_phone  VARCHAR(32)  NULL,
    ADD COLUMN responsible_mobile        VARCHAR(32)  NULL,
    ADD COLUMN responsible_email         VARCHAR(128) NULL,
    ADD COLUMN responsible_wechat_id     VARCHAR(64)  NULL,
    ADD COLUMN admin_name                VARCHAR(64)  NULL COMMENT '管理员',
    ADD COLUMN admin_office_phone        VARCHAR(32)  NULL,
    ADD COLUMN admin_mobile              VARCHAR(32)  NULL,
    ADD COLUMN admin_email               VARCHAR(128) NULL,
    ADD COLUMN admin_wechat_id           VARCHAR(64)  NULL,
    ADD COLUMN time_zone                 VARCHAR(64)  NOT NULL DEFAULT 'Asia/Shanghai',
    ADD COLUMN max_chars                 INT          NOT NULL DEFAULT 680,
    ADD COLUMN review_policy             VARCHAR(255) NOT NULL
        DEFAULT 'GENERAL=DEPT_REVIEWER;SENSITIVE=DEPT_REVIEWER,OFFICE_REVIEWER;MAJOR=DEPT_REVIEWER,OFFICE_REVIEWER,LEADER'
        COMMENT 'review levels required per sensitivity',
    ADD COLUMN marketing_forbidden       BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN status_reason             VARCHAR(512) NULL,
    ADD COLUMN status_changed_at         DATETIME(3)  NULL,
    ADD COLUMN app_secret_set_at         DATETIME(3)  NULL,
    ADD COLUMN token_set_at              DATETIME(3)  NULL,
    ADD COLUMN aes_key_set_at            DATETIME(3)  NULL,
    ADD CONSTRAINT fk_account_department FOREIGN KEY (owning_department_id) REFERENCES adm_department (id);

UPDATE wx_account
   SET token_set_at = secrets_updated_at,
       aes_key_set_at = CASE WHEN aes_key_enc IS NULL THEN NULL ELSE secrets_updated_at END,
       app_secret_set_at = CASE WHEN app_secret_enc IS NULL THEN NULL ELSE secrets_updated_at END;

CREATE TABLE wx_account_status_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    from_status  VARCHAR(16)  NULL,
    to_status    VARCHAR(16)  NOT NULL,
    reason       VARCHAR(512) NOT NULL,
    person_id    BIGINT       NULL,
    changed_at   DATETIME(3)  NOT NULL,
    CONSTRAINT fk_status_change_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_status_change_account ON wx_account_status_change (account_id, id);

CREATE TABLE wx_account_refiling (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    contact      VARCHAR(16)  NOT NULL COMMENT 'RESPONSIBLE or ADMINISTRATOR',
    before_state TEXT         NULL,
    after_state  TEXT         NOT NULL,
    filed_on     DATE         NOT NULL COMMENT 'date of the re-filing, in the account''s time zone',
    person_id    BIGINT       NULL,
    recorded_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_refiling_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_refiling_account ON wx_account_refiling (account_id, id);

CREATE TABLE wx_account_annual_review (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id     BIGINT        NOT NULL,
    cycle_year     INT           NOT NULL COMMENT 'the review due in November of this year',
    report         TEXT          NOT NULL,
    submitted_by   BIGINT        NULL,
    submitted_at   DATETIME(3)   NOT NULL,
    result         VARCHAR(8)    NULL COMMENT 'PASS or FAIL; NULL until decided',
    decision_note  VARCHAR(1024) NULL,
    decided_by     BIGINT        NULL,
    decided_at     DATETIME(3)   NULL,
    version        INT           NOT NULL DEFAULT 1,
    CONSTRAINT uk_annual_review UNIQUE (account_id, cycle_year),
    CONSTRAINT fk_annual_review_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wx_account_test_follower (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    openid      VARCHAR(64)  NOT NULL,
    label       VARCHAR(64)  NOT NULL COMMENT 'who this is, e.g. the editor''s own WeChat',
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uk_test_follower UNIQUE (account_id, openid),
    CONSTRAINT fk_test_follower_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
