-- Scheduling: availability, holidays, bookings (issue 4).

-- Exclusion constraints over (uuid =, range &&) need GiST operator classes for plain types.
create extension if not exists btree_gist;

-- Command side (SchedulingRegistry), written in the transaction of the practitioner's, the facility's
-- or the booking's events. Never read by projections, never rebuilt from them.

-- What booking needs to know about each practitioner. Availability changes update this row, and a
-- booking reads it FOR SHARE: the two never decide on each other's uncommitted state.
create table scheduling_practitioner (
    practitioner_id uuid          primary key,
    display_name    varchar(200)  not null,
    role            varchar(20)   not null,
    bmdc_expires_on date,
    specialty       varchar(100),
    department_id   uuid          not null,
    languages       varchar(2)[]  not null,
    version         bigint        not null default 0
);
create index scheduling_practitioner_specialty on scheduling_practitioner (lower(specialty));

-- Sessions: weekly (on_date null) or of a one-off change of one date.
create table scheduling_session (
    id               bigserial   primary key,
    practitioner_id  uuid        not null,
    on_date          date,
    ordinal          int         not null,
    service_point_id uuid        not null,
    days             varchar(80) not null,
    start_time       time        not null,
    end_time         time        not null,
    slot_minutes     int         not null,
    capacity         int         not null,
    walk_in_percent  int         not null,
    types            varchar(40) not null
);
create index scheduling_session_practitioner on scheduling_session (practitioner_id, on_date);

-- A date with a one-off change (its sessions, possibly none, replace the weekly ones).
create table scheduling_one_off_day (
    practitioner_id uuid not null,
    on_date         date not null,
    primary key (practitioner_id, on_date)
);

create table scheduling_leave (
    leave_id        uuid primary key,
    practitioner_id uuid not null,
    from_date       date not null,
    to_date         date not null
);
create index scheduling_leave_practitioner on scheduling_leave (practitioner_id, from_date);

create table scheduling_holiday (
    on_date date primary key
);

-- Every booking, with the patient's time: a patient never holds two overlapping appointments, with any
-- practitioner. The exclusion constraint makes it impossible (a concurrent overlapping insert waits for
-- the first transaction and then fails), not merely unlikely.
create table appointment_booking (
    appointment_id  uuid        primary key,
    patient_id      uuid        not null,
    practitioner_id uuid        not null,
    schedule_date   date        not null,
    department_id   uuid        not null,
    start_at        timestamptz not null,
    end_at          timestamptz not null,
    walk_in         boolean     not null,
    status          varchar(20) not null,
    constraint appointment_booking_no_patient_overlap
        exclude using gist (patient_id with =, tstzrange(start_at, end_at) with &&)
        where (status in ('BOOKED', 'CHECKED_IN'))
);
create index appointment_booking_practitioner on appointment_booking (practitioner_id, start_at)
    where status in ('BOOKED', 'CHECKED_IN');
create index appointment_booking_day on appointment_booking (schedule_date, practitioner_id)
    where status in ('BOOKED', 'CHECKED_IN');
create index appointment_booking_patient on appointment_booking (patient_id, start_at);

-- Read models (projections).

-- "slot-availability": the same availability facts, for availableSlots.
create table availability_session_view (
    id               uuid        primary key,
    practitioner_id  uuid        not null,
    on_date          date,
    service_point_id uuid        not null,
    days             varchar(80) not null,
    start_time       time        not null,
    end_time         time        not null,
    slot_minutes     int         not null,
    capacity         int         not null,
    walk_in_percent  int         not null,
    types            varchar(40) not null
);
create index availability_session_view_practitioner on availability_session_view (practitioner_id, on_date);

create table availability_one_off_view (
    id              uuid primary key,
    practitioner_id uuid not null,
    on_date         date not null
);
create unique index availability_one_off_view_day on availability_one_off_view (practitioner_id, on_date);

create table availability_leave_view (
    leave_id        uuid         primary key,
    practitioner_id uuid         not null,
    from_date       date         not null,
    to_date         date         not null,
    reason          varchar(200) not null
);
create index availability_leave_view_practitioner on availability_leave_view (practitioner_id, from_date);

create table holiday_view (
    on_date date         primary key,
    name    varchar(100) not null
);

-- "appointment-calendar": one row per appointment, every status.
create table appointment_view (
    appointment_id   uuid        primary key,
    practitioner_id  uuid        not null,
    patient_id       uuid        not null,
    department_id    uuid        not null,
    service_point_id uuid        not null,
    schedule_date    date        not null,
    start_at         timestamptz not null,
    end_at           timestamptz not null,
    type             varchar(20) not null,
    visit_kind       varchar(20) not null,
    walk_in          boolean     not null,
    status           varchar(20) not null,
    rebooking_cause  varchar(30),
    rescheduled_to   uuid,
    booked_at        timestamptz not null,
    updated_at       timestamptz not null
);
create index appointment_view_calendar on appointment_view (practitioner_id, schedule_date, start_at);
create index appointment_view_held on appointment_view (practitioner_id, start_at)
    where status in ('BOOKED', 'CHECKED_IN');
create index appointment_view_patient on appointment_view (patient_id, start_at);
create index appointment_view_department on appointment_view (department_id, schedule_date, start_at);
create index appointment_view_rebooking on appointment_view (start_at)
    where rebooking_cause is not null and status = 'BOOKED';

-- "appointment-history": every transition, who, when, why. detail is blanked on the patient's erasure.
create table appointment_history (
    event_id       varchar(36)  primary key,
    appointment_id uuid         not null,
    patient_id     uuid         not null,
    event          varchar(40)  not null,
    at             timestamptz  not null,
    username       varchar(100),
    role           varchar(30),
    detail         varchar(600)
);
create index appointment_history_appointment on appointment_history (appointment_id, at);
create index appointment_history_patient on appointment_history (patient_id);
