-- Sign-in hardening: lockout counters, TOTP enrolment, server-side sessions for Carelog's own
-- tokens, and an append-only audit of privilege changes.

-- Failed sign-ins are counted here (not in memory) so the lockout holds across nodes.
alter table staff_user
    add column failed_sign_ins   integer     not null default 0,
    add column lockouts          integer     not null default 0,
    add column locked_until      timestamptz,
    -- TOTP secrets, AES-GCM encrypted with the key in mfa_secret_key (never returned after enrolment)
    add column totp_secret       bytea,
    add column totp_pending      bytea,
    add column totp_enrolled_at  timestamptz,
    -- the last 30-second step whose code was accepted: a code is good once (RFC 6238 section 5.2)
    add column totp_last_step    bigint      not null default 0;

-- The key TOTP secrets are encrypted with, when none is configured. Shared by every node.
create table mfa_secret_key (
    id         integer     primary key check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null default now()
);

-- One row per token issued at POST /auth/token; the token's jti is the id.
create table staff_session (
    id              uuid         primary key,
    username        varchar(100) not null,
    role            varchar(30)  not null,
    enrollment_only boolean      not null,
    created_at      timestamptz  not null,
    last_seen_at    timestamptz  not null,
    revoked_at      timestamptz
);
create index staff_session_user on staff_session (lower(username)) where revoked_at is null;

-- Who changed whose privileges, when, from what to what, in which request. Append-only.
-- On an external server also run, for the application's database role:
--   revoke update, delete, truncate on staff_audit from <application role>;
create table staff_audit (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz  not null,
    actor           varchar(100) not null,
    action          varchar(40)  not null,
    target          varchar(100) not null,
    old_value       varchar(200),
    new_value       varchar(200),
    request_id      varchar(100),
    idempotency_key varchar(200)
);
create index staff_audit_target on staff_audit (lower(target), occurred_at);
create index staff_audit_idempotency on staff_audit (actor, idempotency_key) where idempotency_key is not null;

-- The embedded server runs as a superuser, whom REVOKE does not bind: a trigger refuses changes.
create function staff_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'staff_audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger staff_audit_no_update_or_delete
    before update or delete on staff_audit
    for each row execute function staff_audit_is_append_only();
create trigger staff_audit_no_truncate
    before truncate on staff_audit
    for each statement execute function staff_audit_is_append_only();
