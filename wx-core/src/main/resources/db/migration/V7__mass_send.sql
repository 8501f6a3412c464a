-- Mass sends (群发): composed from the head of the publishing queue (or a text/image), previewed
-- to the account's test followers and confirmed (群发前需进行测试), then sent exactly once on
-- the account's local day. At most one send claims a local day per account: the unique key
-- on (account_id, day_claim) holds that invariant for any number of admin instances.

ALTER TABLE wx_account
    ADD COLUMN self_confirm_allowed BOOLEAN NOT NULL DEFAULT FALSE
        COMMENT 'whether whoever previewed a send may also confirm it';

CREATE TABLE ms_send (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id           BIGINT        NOT NULL,
    kind                 VARCHAR(8)    NOT NULL COMMENT 'MPNEWS, TEXT or IMAGE',
    text_content         TEXT          NULL,
    image_media_id       VARCHAR(128)  NULL,
    audience             VARCHAR(8)    NOT NULL COMMENT 'ALL, TAG or OPENIDS: never everyone unless ALL was chosen',
    tag_id               BIGINT        NULL,
    openids              MEDIUMTEXT    NULL     COMMENT 'JSON array for OPENIDS',
    send_ignore_reprint  BOOLEAN       NOT NULL,
    slot_at              DATETIME(3)   NOT NULL COMMENT 'when it is due',
    local_day            DATE          NOT NULL COMMENT 'the day of slot_at in the account''s time zone',
    status               VARCHAR(16)   NOT NULL COMMENT 'COMPOSED, PREVIEWED, CONFIRMED, SENDING, SENT, FINISHED, FAILED, CANCELLED, DELETED',
    -- A failed or cancelled send gives its day back; any other holds it.
    day_claim            DATE AS (CASE WHEN status IN ('FAILED', 'CANCELLED') THEN NULL ELSE local_day END) STORED,
    content_hash         CHAR(64)      NOT NULL COMMENT 'hash of exactly what would be sent, audience included',
    draft_media_id       VARCHAR(128)  NULL,
    preview_hash         CHAR(64)      NULL     COMMENT 'content hash the preview showed',
    previewed_by         BIGINT        NULL,
    previewed_at         DATETIME(3)   NULL,
    confirmed_by         BIGINT        NULL,
    confirmed_at         DATETIME(3)   NULL,
    client_msg_id        VARCHAR(64)   NOT NULL COMMENT 'WeChat clientmsgid: a retry can never send twice',
    msg_id               BIGINT        NULL,
    msg_data_id          BIGINT        NULL,
    attempts             INT           NOT NULL DEFAULT 0,
    sending_since        DATETIME(3)   NULL,
    error_code           INT           NULL,
    error_message        VARCHAR(1024) NULL,
    wechat_status        VARCHAR(64)   NULL,
    total_count          INT           NULL,
    filter_count         INT           NULL,
    sent_count           INT           NULL,
    error_count          INT           NULL,
    copyright_result     TEXT          NULL,
    accepted_at          DATETIME(3)   NULL,
    finished_at          DATETIME(3)   NULL,
    composed_by          BIGINT        NOT NULL,
    version              INT           NOT NULL DEFAULT 1,
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    CONSTRAINT uk_send_day UNIQUE (account_id, day_claim),
    CONSTRAINT uk_send_client_msg UNIQUE (client_msg_id),
    CONSTRAINT fk_send_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_send_due ON ms_send (status, slot_at);

CREATE TABLE ms_send_article (
    send_id        BIGINT        NOT NULL,
    position       INT           NOT NULL COMMENT 'from 1, as in the message',
    article_id     BIGINT        NOT NULL,
    approved_hash  CHAR(64)      NOT NULL,
    article_url    VARCHAR(1024) NULL COMMENT 'URL WeChat gave the sent article',
    PRIMARY KEY (send_id, position),
    CONSTRAINT fk_send_article_send FOREIGN KEY (send_id) REFERENCES ms_send (id),
    CONSTRAINT fk_send_article_article FOREIGN KEY (article_id) REFERENCES art_article (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ShedLock's lock table: scheduled work of several admin instances runs on one at a time.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP(3) NOT NULL,
    locked_at   TIMESTAMP(3) NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
) ENGINE = InnoDB;
