-- Pseudonyms of followers who unsubscribed get their own key, no longer derived from
-- wxops.secrets.key (a rotation would have given a returning openid another pseudonym).
-- Created by the first service that needs it, encrypted with the secret cipher.
CREATE TABLE wx_pseudonym_key (
    name        VARCHAR(32)   NOT NULL PRIMARY KEY,
    key_enc     VARCHAR(512)  NOT NULL COMMENT 'base64 HMAC key, encrypted by SecretCipher',
    created_at  DATETIME(3)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Tickets keep the follower's openid only while they may still be answered: it becomes the
-- same pseudonym as the stored messages once the ticket is closed and the follower has
-- left. After the retention (wxops.admin.inbox.thread-retention) a closed ticket's raw
-- thread ends: the texts and media of its entries and stored messages go, the record stays.
ALTER TABLE inb_ticket
    ADD COLUMN thread_ended_at DATETIME(3) NULL COMMENT 'when the retention ended the raw thread' AFTER closed_at;
CREATE INDEX idx_ticket_closed ON inb_ticket (status, closed_at);
