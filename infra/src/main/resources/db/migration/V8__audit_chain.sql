-- Tamper evidence: hash chains over the event store and the staff audit (docs/architecture.md, "Audit trail
-- integrity"). Each seal row holds hash = SHA-256(previous_hash || canonical bytes of the sealed row); the first
-- row's previous_hash is 32 zero bytes. Rows are only ever inserted.
--
-- On an external server also run, for the application's database role:
--   revoke update, delete, truncate on domainevententry, event_seal, staff_audit, staff_audit_seal
--       from <application role>;

-- One row per global index of domainevententry, contiguous from 1, written by the event sealer. A row with
-- eventidentifier null seals a gap: an index whose transaction rolled back, so no event will ever have it.
create table event_seal (
    globalindex     bigint      primary key,
    eventidentifier varchar(255),
    previous_hash   bytea       not null check (length(previous_hash) = 32),
    hash            bytea       not null check (length(hash) = 32),
    sealed_at       timestamptz not null default now()
);

-- One row per staff_audit row, written in the transaction that inserts the audit row.
create table staff_audit_seal (
    audit_id      bigint      primary key,
    previous_hash bytea       not null check (length(previous_hash) = 32),
    hash          bytea       not null check (length(hash) = 32),
    sealed_at     timestamptz not null default now()
);

-- The embedded server runs as a superuser, whom REVOKE does not bind: triggers refuse changes.
create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger event_seal_no_update_or_delete
    before update or delete on event_seal
    for each row execute function audit_record_is_append_only();
create trigger event_seal_no_truncate
    before truncate on event_seal
    for each statement execute function audit_record_is_append_only();
create trigger staff_audit_seal_no_update_or_delete
    before update or delete on staff_audit_seal
    for each row execute function audit_record_is_append_only();
create trigger staff_audit_seal_no_truncate
    before truncate on staff_audit_seal
    for each statement execute function audit_record_is_append_only();
