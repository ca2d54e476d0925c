-- Operational reports (issue 10), projected by the operational-reports processor (infra/reporting, rebuildable).
-- Counters are pre-aggregated per local day, department and practitioner so a year of a large hospital is a few
-- hundred thousand rows; the per-appointment and per-token rows hold the state the counters move with and the
-- times the flow percentiles are computed from. None holds a name, a diagnosis or any free text.

-- The local day each patient registered: decides whether a visit is a new or a returning patient's.
create table report_registration (
    patient_id uuid primary key,
    day        date not null
);
create index report_registration_day on report_registration (day);

-- One row per appointment: where its counters are, so a later cancellation or no-show moves the right ones.
create table report_appointment (
    appointment_id  uuid        primary key,
    day             date        not null,
    department_id   uuid        not null,
    practitioner_id uuid        not null,
    patient_id      uuid        not null,
    status          varchar(20) not null
);

-- The census: per local day, department and practitioner (tokens without a practitioner count under the nil id).
create table report_census (
    day                      date    not null,
    department_id            uuid    not null,
    practitioner_id          uuid    not null,
    registrations            integer not null default 0,
    appointments_booked      integer not null default 0,
    appointments_cancelled   integer not null default 0,
    appointments_attended    integer not null default 0,
    appointments_no_show     integer not null default 0,
    walk_in_tokens           integer not null default 0,
    appointment_tokens       integer not null default 0,
    new_patient_visits       integer not null default 0,
    returning_patient_visits integer not null default 0,
    primary key (day, department_id, practitioner_id)
);
create index report_census_department on report_census (department_id, day);
create index report_census_practitioner on report_census (practitioner_id, day);

-- One row per token: its times, for waiting and service times and tokens per hour.
create table report_token (
    service_point_id uuid        not null,
    day              date        not null,
    number           integer     not null,
    department_id    uuid        not null,
    walk_in          boolean     not null,
    priority         varchar(40) not null,
    issued_at        timestamptz not null,
    issued_hour      smallint    not null,
    called_at        timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    no_show          boolean     not null default false,
    primary key (service_point_id, day, number)
);
create index report_token_day on report_token (day, department_id);
