-- Custom menus (自定义菜单) and passive-reply rule sets (自动回复): each account has one working
-- document of each kind, saved with an optimistic version and reviewed as a whole like an
-- article (the account's GENERAL chain, fixed when submitted, bound to the content hash).
-- An approved reply set is copied into wx_auto_reply_rule, which stays the gateway's only
-- source (the approved snapshot), so answering a follower never reads review tables.
CREATE TABLE acc_content_set (
    account_id       BIGINT        NOT NULL,
    kind             VARCHAR(16)   NOT NULL COMMENT 'MENU or REPLIES',
    document         LONGTEXT      NOT NULL COMMENT 'the working document, JSON',
    content_hash     CHAR(64)      NOT NULL COMMENT 'SHA-256 of the document in its canonical form',
    content_version  INT           NOT NULL COMMENT 'increases with each saved change of content',
    status           VARCHAR(16)   NOT NULL COMMENT 'DRAFT, IN_REVIEW, APPROVED or REJECTED',
    review_round     INT           NOT NULL DEFAULT 0 COMMENT 'increases with each submission',
    levels           VARCHAR(64)   NULL     COMMENT 'the chain of the current round, fixed at submission',
    submitted_hash   CHAR(64)      NULL,
    submitted_by     BIGINT        NULL,
    submitted_at     DATETIME(3)   NULL,
    approved_hash    CHAR(64)      NULL     COMMENT 'the content hash the last level approved',
    approved_document LONGTEXT     NULL     COMMENT 'the document as approved (what may go live)',
    updated_by       BIGINT        NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    version          INT           NOT NULL COMMENT 'optimistic version of the row',
    PRIMARY KEY (account_id, kind),
    CONSTRAINT fk_content_set_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_content_set_status ON acc_content_set (status);

-- One row per decision; a level is decided once per round and a person decides at most one
-- level of a round: the constraints keep both rules when reviewers decide at once.
CREATE TABLE acc_content_set_decision (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT        NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    review_round  INT           NOT NULL,
    level_index   INT           NOT NULL,
    level         VARCHAR(16)   NOT NULL COMMENT 'DEPT_REVIEWER, OFFICE_REVIEWER or LEADER',
    decision      VARCHAR(8)    NOT NULL COMMENT 'APPROVED or REJECTED',
    content_hash  CHAR(64)      NOT NULL,
    reviewer_id   BIGINT        NOT NULL,
    comment       VARCHAR(1024) NULL,
    decided_at    DATETIME(3)   NOT NULL,
    CONSTRAINT uk_content_set_level UNIQUE (account_id, kind, review_round, level_index),
    CONSTRAINT uk_content_set_person UNIQUE (account_id, kind, review_round, reviewer_id),
    CONSTRAINT fk_content_set_decision FOREIGN KEY (account_id, kind) REFERENCES acc_content_set (account_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What wxops last did to an account's live menu. live_hash is the hash of the menu WeChat
-- answered right after that (menu/get): a live menu with another hash was changed
-- elsewhere (drift). PARTIAL: menu/create went through but a later call was refused.
CREATE TABLE mn_menu_publish (
    account_id        BIGINT        NOT NULL PRIMARY KEY,
    state             VARCHAR(16)   NOT NULL COMMENT 'NONE (held, nothing done yet), PUBLISHED, PARTIAL or DELETED',
    content_hash      CHAR(64)      NULL     COMMENT 'the approved content last published',
    live_hash         CHAR(64)      NOT NULL COMMENT 'hash of the live menu read back after the last change',
    detail            VARCHAR(1024) NULL     COMMENT 'for PARTIAL: the call WeChat refused',
    changed_by        BIGINT        NOT NULL,
    changed_at        DATETIME(3)   NOT NULL,
    publishing_until  DATETIME(3)   NULL     COMMENT 'a publish in progress holds the account until then',
    CONSTRAINT fk_menu_publish_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A CLICK rule's keyword is a menu button's key, which WeChat allows up to 128 bytes.
ALTER TABLE wx_auto_reply_rule MODIFY keyword VARCHAR(128) NULL COMMENT 'KEYWORD: the keyword (at most 64); CLICK: the menu key';
ALTER TABLE wx_auto_reply_rule MODIFY trigger_type VARCHAR(16) NOT NULL COMMENT 'KEYWORD, SUBSCRIBE, DEFAULT or CLICK';
