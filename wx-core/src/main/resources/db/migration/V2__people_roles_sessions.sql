-- People who operate the accounts, the units they belong to, what they may do, and their
-- login sessions. Grants are scoped: a role on one account (or every account when
-- account_id is NULL), within one department where the role is departmental (or any
-- department when department_id is NULL).

CREATE TABLE adm_department (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_id   BIGINT       NULL,
    name        VARCHAR(128) NOT NULL,
    code        VARCHAR(64)  NOT NULL COMMENT 'short stable code, unique',
    version     INT          NOT NULL DEFAULT 1,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uk_department_code UNIQUE (code),
    CONSTRAINT fk_department_parent FOREIGN KEY (parent_id) REFERENCES adm_department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE adm_person (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username              VARCHAR(64)  NOT NULL,
    display_name          VARCHAR(128) NOT NULL,
    department_id         BIGINT       NOT NULL,
    email                 VARCHAR(128) NULL,
    mobile                VARCHAR(32)  NULL,
    password_hash         VARCHAR(255) NOT NULL COMMENT 'Argon2id, with algorithm prefix',
    password_changed_at   DATETIME(3)  NOT NULL,
    must_change_password  BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins         INT          NOT NULL DEFAULT 0,
    locked_until          DATETIME(3)  NULL,
    version               INT          NOT NULL DEFAULT 1,
    created_at            DATETIME(3)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL,
    CONSTRAINT uk_person_username UNIQUE (username),
    CONSTRAINT fk_person_department FOREIGN KEY (department_id) REFERENCES adm_department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE adm_grant (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id      BIGINT      NOT NULL,
    role           VARCHAR(32) NOT NULL,
    account_id     BIGINT      NULL COMMENT 'NULL: every account',
    department_id  BIGINT      NULL COMMENT 'NULL: any department',
    scope_key      VARCHAR(80) AS (CONCAT(role, ':', IFNULL(account_id, '*'), ':', IFNULL(department_id, '*'))) STORED,
    created_at     DATETIME(3) NOT NULL,
    CONSTRAINT uk_grant UNIQUE (person_id, scope_key),
    CONSTRAINT fk_grant_person FOREIGN KEY (person_id) REFERENCES adm_person (id),
    CONSTRAINT fk_grant_account FOREIGN KEY (account_id) REFERENCES wx_account (id),
    CONSTRAINT fk_grant_department FOREIGN KEY (department_id) REFERENCES adm_department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE adm_session (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash     CHAR(64)     NOT NULL COMMENT 'SHA-256 of the bearer token; the token itself is never stored',
    person_id      BIGINT       NOT NULL,
    client_ip      VARCHAR(64)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    last_seen_at   DATETIME(3)  NOT NULL,
    expires_at     DATETIME(3)  NOT NULL,
    revoked_at     DATETIME(3)  NULL,
    revoke_reason  VARCHAR(32)  NULL COMMENT 'LOGOUT, PASSWORD_CHANGED, PERSON_DISABLED, PASSWORD_RESET',
    CONSTRAINT uk_session_token UNIQUE (token_hash),
    CONSTRAINT fk_session_person FOREIGN KEY (person_id) REFERENCES adm_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_session_person ON adm_session (person_id, revoked_at);
