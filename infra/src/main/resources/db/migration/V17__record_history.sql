-- History for auditors and break-glass access (docs/architecture.md, "History for auditors", "Break-glass").

-- The patient record index: one row per stored event whose payload is a PatientRecordEvent. Written by the
-- subscribing processor "patient-record-index" in the transaction that appends the event; rows of events stored
-- before this table existed are added by the backfill at start (patient_record_index_backfill).
create table patient_record_index (
    patient_id   uuid   not null,
    global_index bigint not null,
    primary key (patient_id, global_index)
);

-- Whether the start-up backfill has indexed the events stored before the index existed: the first start
-- (PatientRecordIndexBackfill) indexes every event up to the store's head and writes this row. No row is
-- inserted here, so a restored backup brings its own.
create table patient_record_index_backfill (
    id             smallint    primary key check (id = 1),
    through_index  bigint      not null,
    completed_at   timestamptz not null
);

-- Break-glass: a clinician's read of a chart outside their care relationships, with the reason. Lasts until
-- expires_at; every read during it is logged with its id. reviewed_* are set by an auditor, once.
create table break_glass (
    id              bigserial    primary key,
    username        varchar(100) not null,
    role            varchar(30)  not null,
    patient_id      uuid         not null,
    reason          varchar(1000) not null,
    opened_at       timestamptz  not null,
    expires_at      timestamptz  not null,
    request_id      varchar(100),
    idempotency_key varchar(100),
    reviewed_by     varchar(100),
    reviewed_at     timestamptz,
    review_note     varchar(1000)
);
create unique index break_glass_idempotency on break_glass (username, idempotency_key)
    where idempotency_key is not null;
create index break_glass_active on break_glass (username, patient_id, expires_at);
create index break_glass_review on break_glass (reviewed_at, opened_at);
create trigger break_glass_no_delete
    before delete on break_glass
    for each row execute function audit_record_is_append_only();
create trigger break_glass_no_truncate
    before truncate on break_glass
    for each statement execute function audit_record_is_append_only();

-- Care relationships other features record (an encounter's attending clinician, a ward admission...): the
-- practitioner may read the patient's chart until "until" (null: until removed). Appointments of the
-- configured window and today's tokens of the practitioner's department count without a row here.
create table care_relationship (
    patient_id      uuid        not null,
    practitioner_id uuid        not null,
    source          varchar(60) not null,
    since           timestamptz not null,
    until           timestamptz,
    primary key (patient_id, practitioner_id, source)
);
create index care_relationship_practitioner on care_relationship (practitioner_id, patient_id);

-- Reads made under break-glass say which grant allowed them.
alter table clinical_access_log add column break_glass_id bigint;

-- The access log's hash chain: one seal row per id of clinical_access_log, contiguous from the first id, written
-- by the access-log sealer (in id order, gaps of rolled-back inserts sealed as gaps, like event_seal).
create table clinical_access_log_seal (
    access_id     bigint      primary key,
    gap           boolean     not null,
    previous_hash bytea       not null check (length(previous_hash) = 32),
    hash          bytea       not null check (length(hash) = 32),
    sealed_at     timestamptz not null default now()
);
create trigger clinical_access_log_seal_no_update_or_delete
    before update or delete on clinical_access_log_seal
    for each row execute function audit_record_is_append_only();
create trigger clinical_access_log_seal_no_truncate
    before truncate on clinical_access_log_seal
    for each statement execute function audit_record_is_append_only();

alter table audit_checkpoint drop constraint audit_checkpoint_chain_check;
alter table audit_checkpoint add constraint audit_checkpoint_chain_check
    check (chain in ('EVENT_STORE', 'STAFF_AUDIT', 'CLINICAL_ACCESS'));
