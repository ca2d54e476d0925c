-- Signed checkpoints over the audit chains (docs/architecture.md, "Audit trail integrity"). A writer of the seal
-- tables can recompute a SHA-256 chain; it cannot sign the new head without the Ed25519 key, which lives in a key
-- file or in configuration, never in the database. Rows are only ever inserted.
--
-- On an external server also run, for the application's database role:
--   revoke update, delete, truncate on audit_signing_key, audit_checkpoint from <application role>;

-- The public half of every key that has signed a checkpoint. Public keys only: verification trusts a key only if
-- its id (a fingerprint of the public key) is pinned by the key file or configuration, so a key slipped in here is
-- not trusted, and a changed public key no longer matches its id.
create table audit_signing_key (
    key_id     varchar(32) primary key,
    algorithm  varchar(16) not null check (algorithm = 'ED25519'),
    public_key bytea       not null check (length(public_key) = 32),
    added_at   timestamptz not null default now()
);

-- One row per sealing transaction that moved a chain's head: the head (position, hash) signed over
-- AuditChain.checkpointMessage. The newest row of a chain is always at its head.
create table audit_checkpoint (
    chain     varchar(16) not null check (chain in ('EVENT_STORE', 'STAFF_AUDIT')),
    position  bigint      not null,
    head_hash bytea       not null check (length(head_hash) = 32),
    signed_at timestamptz not null,
    key_id    varchar(32) not null, -- no foreign key: the backup tool restores tables in name order; verification checks it
    signature bytea       not null check (length(signature) = 64),
    primary key (chain, position)
);

create trigger audit_signing_key_no_update_or_delete
    before update or delete on audit_signing_key
    for each row execute function audit_record_is_append_only();
create trigger audit_signing_key_no_truncate
    before truncate on audit_signing_key
    for each statement execute function audit_record_is_append_only();
create trigger audit_checkpoint_no_update_or_delete
    before update or delete on audit_checkpoint
    for each row execute function audit_record_is_append_only();
create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_record_is_append_only();
