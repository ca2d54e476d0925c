-- Virtual consultations (issue 9).

-- Command side: "telemedicine-lookup" (subscribing, in the events' own transaction). Which consultation an
-- appointment or an encounter belongs to, its state for the missed-consultation job, and who has consented.
create table telemedicine_consultation (
    consultation_id uuid        primary key,
    patient_id      uuid        not null,
    appointment_id  uuid        not null,
    practitioner_id uuid        not null,
    start_at        timestamptz not null,
    end_at          timestamptz not null,
    state           varchar(20) not null,
    encounter_id    uuid,
    link_version    int         not null,
    caregiver_named boolean     not null default false
);
create unique index telemedicine_consultation_appointment on telemedicine_consultation (appointment_id);
create index telemedicine_consultation_encounter on telemedicine_consultation (encounter_id)
    where encounter_id is not null;
create index telemedicine_consultation_unfinished on telemedicine_consultation (end_at)
    where state in ('SCHEDULED', 'WAITING_ROOM');

create table telemedicine_consent (
    patient_id      uuid        primary key,
    consultation_id uuid        not null,
    method          varchar(30) not null,
    recorded_at     timestamptz not null
);

-- Read model "virtual-consultations": one row per consultation, and every state change with its time.
create table virtual_consultation_view (
    consultation_id        uuid        primary key,
    patient_id             uuid        not null,
    appointment_id         uuid        not null,
    practitioner_id        uuid        not null,
    start_at               timestamptz not null,
    end_at                 timestamptz not null,
    state                  varchar(20) not null,
    encounter_id           uuid,
    link_version           int         not null,
    caregiver_name         varchar(200),
    caregiver_relationship varchar(200),
    updated_at             timestamptz not null
);
create index virtual_consultation_view_practitioner on virtual_consultation_view (practitioner_id, start_at);
create index virtual_consultation_view_patient on virtual_consultation_view (patient_id);

create table virtual_consultation_step (
    event_id        varchar(36) primary key,
    consultation_id uuid        not null,
    event           varchar(60) not null,
    state           varchar(20) not null,
    participant     varchar(20),
    username        varchar(200),
    role            varchar(30),
    at              timestamptz not null
);
create index virtual_consultation_step_consultation on virtual_consultation_step (consultation_id, at);

create table virtual_consultation_consent (
    patient_id      uuid        primary key,
    consultation_id uuid        not null,
    method          varchar(30) not null,
    given_by        varchar(20) not null,
    recorded_by     varchar(200),
    recorded_role   varchar(30),
    recorded_at     timestamptz not null
);
