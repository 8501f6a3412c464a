-- Review of TEXT and IMAGE mass sends (先审后发 for every kind of send). An MPNEWS send carries
-- articles the graded review already approved; a TEXT or IMAGE send names a department and a
-- sensitivity when composed and goes through that account's chain for the sensitivity, bound
-- to the send's content hash. The levels are fixed when it is composed.
CREATE TABLE ms_send_review (
    send_id         BIGINT        NOT NULL PRIMARY KEY,
    department_id   BIGINT        NULL     COMMENT 'whose department head reviews; NULL only for sends composed before sends were reviewed (any department head of the account may then decide)',
    sensitivity     VARCHAR(16)   NOT NULL COMMENT 'GENERAL, SENSITIVE or MAJOR',
    levels          VARCHAR(64)   NOT NULL COMMENT 'comma-separated, in signing order, fixed at composition',
    status          VARCHAR(16)   NOT NULL COMMENT 'IN_REVIEW, APPROVED or REJECTED',
    submitted_hash  CHAR(64)      NOT NULL COMMENT 'content hash of the send under review',
    approved_hash   CHAR(64)      NULL     COMMENT 'content hash the last level approved',
    submitted_at    DATETIME(3)   NOT NULL,
    decided_at      DATETIME(3)   NULL,
    version         INT           NOT NULL DEFAULT 1,
    CONSTRAINT fk_send_review_send FOREIGN KEY (send_id) REFERENCES ms_send (id),
    CONSTRAINT fk_send_review_department FOREIGN KEY (department_id) REFERENCES adm_department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_send_review_status ON ms_send_review (status);

-- One row per decision. A level is decided once, and a person decides at most one level of a
-- send: the constraints, not only the service, keep both rules when reviewers decide at once.
CREATE TABLE ms_send_review_decision (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    send_id       BIGINT        NOT NULL,
    level_index   INT           NOT NULL COMMENT 'position in the chain, from 0',
    level         VARCHAR(16)   NOT NULL COMMENT 'DEPT_REVIEWER, OFFICE_REVIEWER or LEADER',
    decision      VARCHAR(8)    NOT NULL COMMENT 'APPROVED or REJECTED',
    content_hash  CHAR(64)      NOT NULL COMMENT 'the exact content decided on',
    reviewer_id   BIGINT        NOT NULL,
    comment       VARCHAR(1024) NULL,
    decided_at    DATETIME(3)   NOT NULL,
    CONSTRAINT uk_send_review_level UNIQUE (send_id, level_index),
    CONSTRAINT uk_send_review_person UNIQUE (send_id, reviewer_id),
    CONSTRAINT fk_send_review_decision_send FOREIGN KEY (send_id) REFERENCES ms_send (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
