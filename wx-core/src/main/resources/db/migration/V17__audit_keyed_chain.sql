-- The audit chain becomes keyed: each new entry's hash is an HMAC-SHA256 under a key kept
-- in configuration, never in the database, and records the id of that key. Entries
-- written before this migration keep their plain SHA-256 hashes and still verify as such,
-- up to the cut-over recorded on the head: the first sequence number that is keyed. Every
-- keyed hash covers the cut-over too, so moving it breaks the chain.

ALTER TABLE adm_audit_entry
    ADD COLUMN key_id VARCHAR(32) NULL COMMENT 'id of the HMAC key; NULL: plain SHA-256, before the cut-over';

ALTER TABLE adm_audit_head
    ADD COLUMN keyed_from_seq BIGINT NULL COMMENT 'first keyed entry; those before it are plain SHA-256';

UPDATE adm_audit_head SET keyed_from_seq = last_seq + 1 WHERE id = 1;
