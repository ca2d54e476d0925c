-- The register of erasures for auditors (issue 10): one row per erased patient, projected from PatientErased
-- (processing group erasure-register, rebuildable). The event carries no personal data, nor does this table.
create table erasure_register (
    id           bigint       generated always as identity primary key,
    patient_id   uuid         not null unique,
    erased_at    timestamptz  not null,
    legal_basis  varchar(40)  not null,
    reference    varchar(200),
    username     varchar(100),
    role         varchar(30),
    request_id   varchar(100)
);
create index erasure_register_time on erasure_register (erased_at);

-- Disclosures and exports are found by view name in the access log (see ComplianceReport.DISCLOSURES).
create index clinical_access_log_time on clinical_access_log (occurred_at);
create index staff_audit_time on staff_audit (occurred_at);
create index clinical_access_log_break_glass on clinical_access_log (break_glass_id) where break_glass_id is not null;
create index staff_session_sign_ins on staff_session (lower(username), created_at);

-- The replay check: each run rebuilds read models from the event store into scratch tables and compares them
-- with the live ones (ReplayCheck). One row per run and one per read model checked; differences are counts and
-- sample keys only, never row contents (they would copy personal data out of the read models).
create table replay_check_run (
    id            uuid         primary key,
    requested_by  varchar(100) not null,
    requested_at  timestamptz  not null,
    finished_at   timestamptz,
    status        varchar(20)  not null check (status in ('RUNNING', 'CONSISTENT', 'DIFFERENCES', 'FAILED')),
    idempotency_key varchar(100)
);
create unique index replay_check_run_idempotency on replay_check_run (requested_by, idempotency_key)
    where idempotency_key is not null;
create index replay_check_run_time on replay_check_run (requested_at);

create table replay_check_result (
    run_id           uuid          not null references replay_check_run (id),
    processor        varchar(100)  not null,
    checked_at       timestamptz   not null,
    events_replayed  bigint        not null,
    consistent       boolean       not null,
    tables           jsonb         not null,
    undeclared       text,
    error            text,
    primary key (run_id, processor)
);
