-- Followers synced from WeChat (user/get + user/info/batchget), their tags and the blacklist.
-- The sync keeps its cursor here, so it resumes where it stopped (a crash, an error, the
-- daily quota) and never duplicates a row (rows stay unique per (account, openid)).

ALTER TABLE wx_follower
    ADD COLUMN qr_scene_str   VARCHAR(64)  NULL COMMENT 'qr_scene_str WeChat reports for a follower who came through a parameter QR code' AFTER qr_ticket,
    ADD COLUMN blacklisted    BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'on the account''s WeChat blacklist',
    ADD COLUMN blacklisted_at DATETIME(3)  NULL,
    ADD COLUMN sync_run       BIGINT       NULL COMMENT 'the last follower sync run that saw the follower subscribed',
    ADD COLUMN version        INT          NOT NULL DEFAULT 0 COMMENT 'bumped by edits in admin-api (remark, blacklist)';

CREATE INDEX idx_follower_subscribed ON wx_follower (account_id, subscribed, subscribed_at);
CREATE INDEX idx_follower_sync_run ON wx_follower (account_id, subscribed, sync_run);

-- A follower's tags as WeChat reported them (tagid_list) or as we set them (batchtagging).
CREATE TABLE wx_follower_tag (
    account_id  BIGINT      NOT NULL,
    openid      VARCHAR(64) NOT NULL,
    tag_id      BIGINT      NOT NULL,
    PRIMARY KEY (account_id, openid, tag_id),
    KEY idx_follower_tag_tag (account_id, tag_id, openid),
    CONSTRAINT fk_follower_tag_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One sync per account at a time: its run number, state and cursor.
CREATE TABLE wx_follower_sync (
    account_id       BIGINT        NOT NULL PRIMARY KEY,
    run              BIGINT        NOT NULL COMMENT 'increases with each full sync; followers carry the last run that saw them',
    state            VARCHAR(16)   NOT NULL COMMENT 'RUNNING, PAUSED (quota 45009), FAILED, COMPLETE',
    next_openid      VARCHAR(64)   NULL     COMMENT 'the next_openid of the user/get page being worked on (NULL: the first page)',
    page_position    INT           NOT NULL DEFAULT 0 COMMENT 'openids of that page already upserted',
    position_openid  VARCHAR(64)   NULL     COMMENT 'the openid at page_position when it was stored (a changed page is worked again)',
    total            BIGINT        NULL     COMMENT 'followers WeChat reported (user/get total)',
    done             BIGINT        NOT NULL DEFAULT 0,
    run_started_at   DATETIME(3)   NOT NULL,
    resumed_at       DATETIME(3)   NOT NULL COMMENT 'start of the current stretch, for the rate',
    done_at_resume   BIGINT        NOT NULL DEFAULT 0,
    retry_at         DATETIME(3)   NULL     COMMENT 'not worked on before this (quota pause, error back-off)',
    failures         INT           NOT NULL DEFAULT 0 COMMENT 'consecutive failed attempts',
    last_error       VARCHAR(512)  NULL,
    requested_by     VARCHAR(128)  NOT NULL,
    missing          BIGINT        NOT NULL DEFAULT 0 COMMENT 'followers absent from the complete list, treated as unsubscribed',
    finished_at      DATETIME(3)   NULL,
    updated_at       DATETIME(3)   NOT NULL,
    CONSTRAINT fk_follower_sync_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
