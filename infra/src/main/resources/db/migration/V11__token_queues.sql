-- Token queues (issue 5).

-- Read model: every token of every queue (projection "queue-tokens"). A queue is a service point's local
-- day, a few hundred rows at most, so a queue is read whole. A walk-in's name and phone are copied here
-- from the (encrypted) event for the staff's queue screen; they are not on the board.
create table queue_token (
    token_id               varchar(60)  primary key,
    service_point_id       uuid         not null,
    queue_date             date         not null,
    number                 integer      not null,
    label                  varchar(20)  not null,
    status                 varchar(12)  not null,
    priority               varchar(30),
    priority_rank          integer,
    appointment_id         uuid,
    appointment_start      timestamptz,
    patient_id             uuid         not null,
    walk_in_name_bn        varchar(200),
    walk_in_name_en        varchar(200),
    walk_in_phone          varchar(20),
    journey_id             uuid         not null,
    transferred_from       varchar(60),
    transferred_to         uuid,
    counter                varchar(40),
    call_reason            varchar(30),
    calls                  integer      not null default 0,
    issued_at              timestamptz  not null,
    first_called_at        timestamptz,
    called_at              timestamptz,
    service_started_at     timestamptz,
    service_finished_at    timestamptz,
    estimated_wait_seconds integer,
    updated_at             timestamptz  not null
);
create unique index queue_token_number on queue_token (service_point_id, queue_date, number);
create index queue_token_waiting on queue_token (service_point_id, queue_date, status);
create index queue_token_patient on queue_token (patient_id, queue_date);
create index queue_token_journey on queue_token (journey_id);
-- Recent service times of a service point, for the waiting estimate.
create index queue_token_finished on queue_token (service_point_id, service_finished_at desc)
    where service_finished_at is not null;

-- Waiting-room displays: a long-lived, revocable credential that can read one service point's board and
-- nothing else. Only a SHA-256 hash of the secret is kept; the secret is shown once, to the ADMIN who
-- created it.
create table board_display (
    display_id       uuid         primary key,
    service_point_id uuid         not null,
    name             varchar(100) not null,
    secret_hash      bytea        not null unique,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null,
    revoked_at       timestamptz,
    last_used_at     timestamptz
);
create index board_display_service_point on board_display (service_point_id);
