-- Schema for the callback gateway. Flyway migrations are the schema's only source.
-- Invariants live in constraints: one account per AppID, one stored message per dedup key,
-- one follower row per (account, openid).

CREATE TABLE wx_account (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    app_id                VARCHAR(32)  NOT NULL,
    original_id           VARCHAR(32)  NOT NULL COMMENT 'gh_... id, the ToUserName of callbacks',
    name                  VARCHAR(128) NOT NULL,
    account_type          VARCHAR(16)  NOT NULL COMMENT 'SUBSCRIPTION or SERVICE',
    message_mode          VARCHAR(16)  NOT NULL COMMENT 'PLAINTEXT, COMPATIBLE or SAFE',
    status                VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    token_enc             VARCHAR(512) NOT NULL COMMENT 'callback Token, encrypted by SecretCipher',
    aes_key_enc           VARCHAR(512) NULL     COMMENT 'current EncodingAESKey, encrypted',
    previous_aes_key_enc  VARCHAR(512) NULL     COMMENT 'EncodingAESKey before the last rotation, encrypted',
    app_secret_enc        VARCHAR(512) NULL     COMMENT 'AppSecret, encrypted',
    secrets_updated_at    DATETIME(3)  NOT NULL,
    version               INT          NOT NULL DEFAULT 0,
    created_at            DATETIME(3)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL,
    CONSTRAINT uk_account_app_id UNIQUE (app_id),
    CONSTRAINT uk_account_original_id UNIQUE (original_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wx_inbound_message (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    dedup_key         CHAR(64)      NOT NULL COMMENT 'SHA-256 of the WeChat dedup identity (see DedupKey)',
    msg_id            VARCHAR(32)   NULL     COMMENT 'MsgId of messages, MsgID of mass/template job events',
    msg_type          VARCHAR(32)   NOT NULL,
    event             VARCHAR(64)   NULL,
    event_key         VARCHAR(1024) NULL,
    from_user         VARCHAR(64)   NOT NULL COMMENT 'openid, replaced by a pseudonym after unsubscribe',
    to_user           VARCHAR(64)   NOT NULL,
    create_time       BIGINT        NOT NULL COMMENT 'CreateTime as sent by WeChat (epoch seconds)',
    content           TEXT          NULL,
    fields            LONGTEXT      NOT NULL COMMENT 'every field of the message as JSON',
    encrypted         BOOLEAN       NOT NULL,
    received_at       DATETIME(3)   NOT NULL,
    reply_status      VARCHAR(16)   NULL     COMMENT 'REPLIED or TIMED_OUT; NULL when no reply was due',
    reply_rule_id     BIGINT        NULL,
    reply_xml         TEXT          NULL     COMMENT 'plaintext passive reply, re-sent to WeChat retries',
    pseudonymised_at  DATETIME(3)   NULL,
    routed_at         DATETIME(3)   NULL     COMMENT 'set when routing has taken the message',
    CONSTRAINT uk_inbound_dedup UNIQUE (account_id, dedup_key),
    CONSTRAINT fk_inbound_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_inbound_from ON wx_inbound_message (account_id, from_user);
CREATE INDEX idx_inbound_unrouted ON wx_inbound_message (routed_at, id);

CREATE TABLE wx_follower (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    openid            VARCHAR(64)   NOT NULL,
    subscribed        BOOLEAN       NOT NULL,
    state_time        BIGINT        NOT NULL COMMENT 'CreateTime of the subscribe/unsubscribe that set the state',
    subscribed_at     DATETIME(3)   NULL,
    unsubscribed_at   DATETIME(3)   NULL,
    subscribe_scene   VARCHAR(64)   NULL     COMMENT 'qrscene_ key or SCAN scene that brought the follower',
    qr_ticket         VARCHAR(256)  NULL,
    nickname          VARCHAR(128)  NULL,
    remark            VARCHAR(128)  NULL,
    language          VARCHAR(16)   NULL,
    city              VARCHAR(64)   NULL,
    province          VARCHAR(64)   NULL,
    country           VARCHAR(64)   NULL,
    head_img_url      VARCHAR(512)  NULL,
    union_id          VARCHAR(64)   NULL,
    last_latitude     DECIMAL(10,6) NULL,
    last_longitude    DECIMAL(10,6) NULL,
    last_precision    DECIMAL(12,6) NULL,
    last_location_at  DATETIME(3)   NULL,
    last_message_at   DATETIME(3)   NULL     COMMENT 'last message from the follower (opens the 48 h service window)',
    erased_at         DATETIME(3)   NULL     COMMENT 'personal data erased after unsubscribe',
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    CONSTRAINT uk_follower UNIQUE (account_id, openid),
    CONSTRAINT fk_follower_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wx_auto_reply_rule (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    trigger_type      VARCHAR(16)   NOT NULL COMMENT 'KEYWORD, SUBSCRIBE or DEFAULT',
    match_mode        VARCHAR(16)   NULL     COMMENT 'for KEYWORD: EXACT or CONTAINS (message contains keyword)',
    keyword           VARCHAR(64)   NULL,
    reply_type        VARCHAR(16)   NOT NULL COMMENT 'TEXT, IMAGE or NEWS',
    reply_text        TEXT          NULL,
    media_id          VARCHAR(128)  NULL,
    news_title        VARCHAR(64)   NULL,
    news_description  VARCHAR(256)  NULL,
    news_pic_url      VARCHAR(512)  NULL,
    news_url          VARCHAR(512)  NULL,
    priority          INT           NOT NULL DEFAULT 0,
    enabled           BOOLEAN       NOT NULL DEFAULT TRUE,
    hit_count         BIGINT        NOT NULL DEFAULT 0,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    CONSTRAINT fk_rule_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_rule_account ON wx_auto_reply_rule (account_id, enabled);
