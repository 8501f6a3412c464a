-- Failed sign-ins for usernames that match no person, counted like adm_person.failed_logins
-- so an unknown username is locked (423) exactly when a known one would be: the answers
-- tell nobody which usernames exist. Only a SHA-256 of the lower-cased username is kept
-- (people sometimes type their password into the username field).

CREATE TABLE adm_sign_in_guard (
    username_hash   CHAR(64)    NOT NULL PRIMARY KEY COMMENT 'SHA-256 of the trimmed, lower-cased username',
    failed_logins   INT         NOT NULL DEFAULT 0,
    locked_until    DATETIME(3) NULL,
    last_failed_at  DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_sign_in_guard_age ON adm_sign_in_guard (last_failed_at);
