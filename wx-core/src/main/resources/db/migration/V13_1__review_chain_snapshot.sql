-- The review levels an article's submission needs, fixed when it is submitted: an account's
-- policy may change while articles are in review, and a chain in flight keeps the levels it
-- started with (changing them under it left articles stuck for ever).
CREATE TABLE art_review_chain (
    article_id    BIGINT       NOT NULL,
    review_round  INT          NOT NULL,
    levels        VARCHAR(64)  NOT NULL COMMENT 'comma-separated, in signing order, e.g. DEPT_REVIEWER,OFFICE_REVIEWER',
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (article_id, review_round),
    CONSTRAINT fk_review_chain_article FOREIGN KEY (article_id) REFERENCES art_article (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
