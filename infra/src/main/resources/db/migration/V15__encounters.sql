-- Encounters (issue 6).

-- Command-side lookups, kept by the subscribing processor "encounter-lookup" in the transaction of the events
-- (never rebuilt from a projection). encounter_registry answers "does this encounter exist, is it open, whose
-- is it" for other aggregates (prescriptions, lab orders); encounter_token is where opening from a token finds
-- the token's patient, appointment and status.
create table encounter_registry (
    encounter_id    uuid        primary key,
    patient_id      uuid        not null,
    attending_id    uuid        not null,
    status          varchar(10) not null
);
create index encounter_registry_patient on encounter_registry (patient_id);

create table encounter_token (
    token_id       varchar(60) primary key,
    patient_id     uuid        not null,
    appointment_id uuid,
    status         varchar(12) not null
);

-- Read model "clinical-encounters": encounters, every version of every note section, vital signs and diagnoses.
-- Clinical texts and values are copied here from the (encrypted) events for the chart; they are blanked on the
-- patient's erasure. The chart reads each table by patient in one query.
create table encounter_view (
    encounter_id    uuid        primary key,
    patient_id      uuid        not null,
    type            varchar(12) not null,
    origin          varchar(12) not null,
    appointment_id  uuid,
    token_id        varchar(60),
    attending_id    uuid        not null,
    status          varchar(10) not null,
    opened_at       timestamptz not null,
    opened_by       varchar(100),
    signed_at       timestamptz,
    signed_by       varchar(100)
);
create index encounter_view_patient on encounter_view (patient_id, opened_at desc);
create index encounter_view_attending on encounter_view (attending_id, status);
create index encounter_view_appointment on encounter_view (appointment_id) where appointment_id is not null;
create index encounter_view_token on encounter_view (token_id) where token_id is not null;

create table encounter_note_version (
    encounter_id uuid        not null,
    section      varchar(20) not null,
    version      integer     not null,
    patient_id   uuid        not null,
    text         text,
    amendment    boolean     not null,
    reason       text,
    author       varchar(100),
    author_role  varchar(20),
    written_at   timestamptz not null,
    primary key (encounter_id, section, version)
);
create index encounter_note_version_patient on encounter_note_version (patient_id);

create table encounter_vitals (
    vitals_id          uuid        primary key,
    encounter_id       uuid        not null,
    patient_id         uuid        not null,
    taken_at           timestamptz not null,
    recorded_by        varchar(100),
    systolic           integer,
    diastolic          integer,
    pulse              integer,
    temperature_c      numeric(4, 1),
    spo2               integer,
    respiratory_rate   integer,
    weight_kg          numeric(6, 2),
    height_cm          numeric(5, 1),
    glucose_mmol_l     numeric(4, 1)
);
create index encounter_vitals_patient on encounter_vitals (patient_id, taken_at desc);

create table encounter_diagnosis (
    diagnosis_id  uuid        primary key,
    encounter_id  uuid        not null,
    patient_id    uuid        not null,
    rank          varchar(10) not null,
    system        varchar(20),
    code          varchar(20),
    title         text,
    uncoded       boolean     not null,
    status        varchar(10) not null,
    status_reason text,
    recorded_at   timestamptz not null,
    recorded_by   varchar(100),
    changed_at    timestamptz not null
);
create index encounter_diagnosis_patient on encounter_diagnosis (patient_id, recorded_at desc);
create index encounter_diagnosis_active on encounter_diagnosis (patient_id) where status = 'ACTIVE';
