-- Follower messages routed to departments as tickets (回复制度): classification rules per
-- account, routing and SLA per category, tickets with their thread, and follow-up (回访).
-- The gateway only stores messages (wx_inbound_message); admin-api routes each one exactly
-- once by setting routed_at in the transaction that files it.

ALTER TABLE wx_account
    ADD COLUMN ack_text VARCHAR(600) NOT NULL DEFAULT '您好，您的留言已收到，我们会尽快处理并答复。'
        COMMENT 'sent to the follower when a ticket is opened (same-day acknowledgement)',
    ADD COLUMN central_office_department_id BIGINT NULL
        COMMENT '归口管理部门: default route and where overdue tickets escalate',
    ADD CONSTRAINT fk_account_central_office FOREIGN KEY (central_office_department_id) REFERENCES adm_department (id);

-- Per account and category: the department that handles it and the days to a result.
CREATE TABLE inb_route (
    account_id     BIGINT       NOT NULL,
    category       VARCHAR(24)  NOT NULL,
    department_id  BIGINT       NULL COMMENT 'NULL: the central office',
    sla_days       INT          NOT NULL,
    PRIMARY KEY (account_id, category),
    CONSTRAINT fk_route_account FOREIGN KEY (account_id) REFERENCES wx_account (id),
    CONSTRAINT fk_route_department FOREIGN KEY (department_id) REFERENCES adm_department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inb_rule (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id     BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL COMMENT 'KEYWORD (text contains it) or MENU_KEY (CLICK EventKey)',
    pattern        VARCHAR(64)  NOT NULL,
    category       VARCHAR(24)  NOT NULL COMMENT 'CONSULTATION, COMPLAINT, REPORT_PETITION, SUGGESTION, MALICIOUS',
    department_id  BIGINT       NULL COMMENT 'the responsible unit for messages this rule matches',
    priority       INT          NOT NULL DEFAULT 0,
    created_at     DATETIME(3)  NOT NULL,
    CONSTRAINT fk_inb_rule_account FOREIGN KEY (account_id) REFERENCES wx_account (id),
    CONSTRAINT fk_inb_rule_department FOREIGN KEY (department_id) REFERENCES adm_department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_inb_rule_account ON inb_rule (account_id);

CREATE TABLE inb_ticket (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    openid            VARCHAR(64)   NOT NULL,
    category          VARCHAR(24)   NOT NULL,
    department_id     BIGINT        NULL,
    status            VARCHAR(16)   NOT NULL COMMENT 'NEW, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED',
    -- One open ticket per follower, account and category: new messages join it.
    open_key          VARCHAR(128)  AS (CASE WHEN status <> 'CLOSED' THEN CONCAT(account_id, ':', openid, ':', category) END) STORED,
    assignee_id       BIGINT        NULL,
    hidden            BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'malicious: kept, not shown in queues',
    removal_flagged   BOOLEAN       NOT NULL DEFAULT FALSE,
    ack_status        VARCHAR(12)   NULL COMMENT 'PENDING, SENDING, SENT, FAILED; NULL when none is due',
    acknowledged_at   DATETIME(3)   NULL,
    due_at            DATETIME(3)   NOT NULL COMMENT 'result due (SLA)',
    escalated_at      DATETIME(3)   NULL,
    first_message_at  DATETIME(3)   NOT NULL,
    last_message_at   DATETIME(3)   NOT NULL,
    resolved_at       DATETIME(3)   NULL,
    closed_at         DATETIME(3)   NULL,
    version           INT           NOT NULL DEFAULT 1,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    CONSTRAINT uk_ticket_open UNIQUE (open_key),
    CONSTRAINT fk_ticket_account FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_ticket_queue ON inb_ticket (account_id, department_id, status);
CREATE INDEX idx_ticket_due ON inb_ticket (status, due_at);

CREATE TABLE inb_ticket_entry (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id           BIGINT        NOT NULL,
    kind                VARCHAR(12)   NOT NULL COMMENT 'IN (follower), OUT (to the follower), NOTE (internal), EVENT (transfer, escalation, status)',
    inbound_message_id  BIGINT        NULL,
    person_id           BIGINT        NULL,
    msg_type            VARCHAR(16)   NULL,
    content             TEXT          NULL,
    media_id            VARCHAR(128)  NULL,
    delivery            VARCHAR(12)   NULL COMMENT 'for OUT: DELIVERED, UNDELIVERED',
    error_code          INT           NULL,
    error_message       VARCHAR(1024) NULL,
    created_at          DATETIME(3)   NOT NULL,
    CONSTRAINT uk_entry_inbound UNIQUE (inbound_message_id),
    CONSTRAINT fk_entry_ticket FOREIGN KEY (ticket_id) REFERENCES inb_ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_entry_ticket ON inb_ticket_entry (ticket_id, id);

CREATE TABLE inb_followup (
    ticket_id     BIGINT        NOT NULL PRIMARY KEY,
    method        VARCHAR(32)   NOT NULL COMMENT 'how the follower was contacted: WECHAT, PHONE, ...',
    result        VARCHAR(1024) NOT NULL,
    satisfied     BOOLEAN       NULL,
    recorded_by   BIGINT        NOT NULL,
    recorded_at   DATETIME(3)   NOT NULL,
    CONSTRAINT fk_followup_ticket FOREIGN KEY (ticket_id) REFERENCES inb_ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
