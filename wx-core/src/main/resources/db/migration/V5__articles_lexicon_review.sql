-- Articles with every saved version, the prohibited-terms lexicon with its history, the
-- graded review (分级审核) bound to the hash of the content approved, and each account's
-- publishing queue.

CREATE TABLE art_lexicon_term (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    term        VARCHAR(64)  NOT NULL,
    category    VARCHAR(32)  NOT NULL,
    added_in    INT          NOT NULL COMMENT 'lexicon version that added it',
    created_by  BIGINT       NULL,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uk_lexicon_term UNIQUE (term, category)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE art_lexicon_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version     INT          NOT NULL,
    change_type VARCHAR(8)   NOT NULL COMMENT 'ADD or REMOVE',
    term        VARCHAR(64)  NOT NULL,
    category    VARCHAR(32)  NOT NULL,
    person_id   BIGINT       NULL,
    changed_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX idx_lexicon_change_version ON art_lexicon_change (version);

-- One row: the current lexicon version. Writers lock it, so versions are gap-free and every
-- screening can say which version it used.
CREATE TABLE art_lexicon_state (
    id          TINYINT      NOT NULL PRIMARY KEY,
    version     INT          NOT NULL,
    updated_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB;

INSERT INTO art_lexicon_state (id, version, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP(3));

CREATE TABLE art_article (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id       BIGINT        NOT NULL,
    department_id    BIGINT        NOT NULL,
    created_by       BIGINT        NOT NULL,
    title            VARCHAR(128)  NOT NULL,
    author           VARCHAR(64)   NULL,
    digest           VARCHAR(512)  NULL,
    body             MEDIUMTEXT    NOT NULL,
    source           VARCHAR(512)  NULL COMMENT '注明信息来源; required to submit',
    sensitivity      VARCHAR(16)   NOT NULL COMMENT 'GENERAL, SENSITIVE or MAJOR',
    cover_image_id   BIGINT        NULL,
    status           VARCHAR(16)   NOT NULL COMMENT 'DRAFT, IN_REVIEW, REJECTED, APPROVED, WITHDRAWN, SENT',
    content_version  INT           NOT NULL COMMENT 'number of the latest saved version',
    content_hash     CHAR(64)      NOT NULL COMMENT 'SHA-256 of the current content',
    review_round     INT           NOT NULL DEFAULT 0 COMMENT 'increases with each submission',
    submitted_hash   CHAR(64)      NULL     COMMENT 'content hash of the current submission',
    submitted_at     DATETIME(3)   NULL,
    version          INT           NOT NULL DEFAULT 1,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    CONSTRAINT fk_article_account FOREIGN KEY (account_id) REFERENCES wx_account (id),
    CONSTRAINT fk_article_department FOREIGN KEY (department_id) REFERENCES adm_department (id),
    CONSTRAINT fk_article_creator FOREIGN KEY (created_by) REFERENCES adm_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_article_account_status ON art_article (account_id, status);

CREATE TABLE art_article_version (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    article_id       BIGINT        NOT NULL,
    version_no       INT           NOT NULL,
    title            VARCHAR(128)  NOT NULL,
    author           VARCHAR(64)   NULL,
    digest           VARCHAR(512)  NULL,
    body             MEDIUMTEXT    NOT NULL,
    source           VARCHAR(512)  NULL,
    sensitivity      VARCHAR(16)   NOT NULL,
    cover_image_id   BIGINT        NULL,
    content_hash     CHAR(64)      NOT NULL,
    saved_by         BIGINT        NOT NULL,
    saved_at         DATETIME(3)   NOT NULL,
    CONSTRAINT uk_article_version UNIQUE (article_id, version_no),
    CONSTRAINT fk_article_version_article FOREIGN KEY (article_id) REFERENCES art_article (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE art_image (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    article_id       BIGINT        NOT NULL,
    kind             VARCHAR(8)    NOT NULL COMMENT 'COVER (permanent material) or BODY (article image)',
    filename         VARCHAR(255)  NOT NULL,
    content_type     VARCHAR(64)   NOT NULL,
    size_bytes       INT           NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    wechat_media_id  VARCHAR(128)  NULL COMMENT 'permanent material id of a cover',
    wechat_url       VARCHAR(1024) NOT NULL,
    uploaded_by      BIGINT        NOT NULL,
    uploaded_at      DATETIME(3)   NOT NULL,
    CONSTRAINT fk_image_article FOREIGN KEY (article_id) REFERENCES art_article (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per decision. A level is decided once per round, and a person decides at most
-- one level per round: the constraints, not only the service, keep both rules.
CREATE TABLE art_review_decision (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    article_id    BIGINT        NOT NULL,
    review_round  INT           NOT NULL,
    level_index   INT           NOT NULL COMMENT 'position in the chain, from 0',
    level         VARCHAR(16)   NOT NULL COMMENT 'DEPT_REVIEWER, OFFICE_REVIEWER or LEADER',
    decision      VARCHAR(8)    NOT NULL COMMENT 'APPROVED or REJECTED',
    content_hash  CHAR(64)      NOT NULL COMMENT 'the exact content decided on',
    reviewer_id   BIGINT        NOT NULL,
    comment       VARCHAR(1024) NULL,
    decided_at    DATETIME(3)   NOT NULL,
    CONSTRAINT uk_review_level UNIQUE (article_id, review_round, level_index),
    CONSTRAINT uk_review_person UNIQUE (article_id, review_round, reviewer_id),
    CONSTRAINT fk_review_article FOREIGN KEY (article_id) REFERENCES art_article (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE art_queue_entry (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id       BIGINT        NOT NULL,
    article_id       BIGINT        NOT NULL,
    review_round     INT           NOT NULL,
    approved_hash    CHAR(64)      NOT NULL COMMENT 'content hash the chain approved',
    position         BIGINT        NOT NULL COMMENT 'order in the queue; lower goes first',
    status           VARCHAR(16)   NOT NULL COMMENT 'QUEUED, WITHDRAWN, VOIDED or SENT',
    queued_at        DATETIME(3)   NOT NULL,
    closed_at        DATETIME(3)   NULL,
    closed_by        BIGINT        NULL,
    close_reason     VARCHAR(512)  NULL,
    CONSTRAINT uk_queue_round UNIQUE (article_id, review_round),
    CONSTRAINT fk_queue_account FOREIGN KEY (account_id) REFERENCES wx_account (id),
    CONSTRAINT fk_queue_article FOREIGN KEY (article_id) REFERENCES art_article (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_queue_account ON art_queue_entry (account_id, status, position);
