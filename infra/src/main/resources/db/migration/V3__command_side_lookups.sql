-- Command-side tables, written in the same transaction as the events they guard.

-- Idempotency: a retried command with the same user and key returns the first result.
create table command_idempotency (
    username        varchar(100) not null,
    idempotency_key varchar(200) not null,
    command_name    varchar(255) not null,
    result          bytea,
    result_type     varchar(255),
    result_revision varchar(50),
    created_at      timestamptz  not null default now(),
    primary key (username, idempotency_key)
);

-- Medical record numbers: a sequence never hands out a number twice.
create sequence patient_mrn_seq start with 1 increment by 1 no cycle;

-- National id and birth registration number: one patient each.
create table patient_identifier (
    kind       varchar(30)  not null,
    value      varchar(40)  not null,
    patient_id uuid         not null,
    primary key (kind, value)
);

-- What duplicate detection compares: phone, date of birth, and name skeletons (see NameMatching).
create table patient_match (
    patient_id uuid         primary key,
    mrn        varchar(30)  not null,
    name_bn    varchar(200),
    name_en    varchar(200),
    name_keys  text[]       not null,
    birth_date date,
    phone      varchar(20)
);
create index patient_match_phone on patient_match (phone);
create index patient_match_birth_date on patient_match (birth_date);
create index patient_match_name_keys on patient_match using gin (name_keys);
