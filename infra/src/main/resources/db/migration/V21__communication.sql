-- Communication (issue 8): durable reminder deadlines and the record of every message to a patient.

-- db-scheduler's table: each pending reminder is one row (Axon's DbSchedulerDeadlineManager, binary task data
-- through Carelog's serializer). Due rows are found through the execution_time index; nothing is kept in memory.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);

-- One row per message: queued -> sending -> sent -> delivered | failed, or a decision not to send (skipped:
-- no consent or no address; withdrawn: the appointment was cancelled; expired: too late to be useful).
-- The deduplication key is claimed before any gateway call: the same key is never sent twice.
-- content (what goes out) and display (what staff see, secrets masked) are encrypted with the patient's key;
-- content is dropped once a message holding a secret is final, and both are blanked on erasure.
create table communication_message (
    message_id         uuid         primary key,
    deduplication_key  varchar(200) not null,
    patient_id         uuid         not null,
    kind               varchar(30)  not null,
    channel            varchar(5),
    language           varchar(2),
    status             varchar(10)  not null,
    decision           varchar(20)  not null,
    content            bytea,
    display            bytea,
    has_secret         boolean      not null,
    encoding           varchar(5),
    segments           integer,
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz,
    expires_at         timestamptz,
    claimed_at         timestamptz,
    gateway_message_id varchar(100),
    gateway_answer     varchar(500),
    resend_of          uuid,
    requested_by       varchar(100),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    sent_at            timestamptz,
    delivered_at       timestamptz,
    failed_at          timestamptz
);
create unique index communication_message_key on communication_message (deduplication_key);
create index communication_message_due on communication_message (next_attempt_at) where status = 'QUEUED';
create index communication_message_sending on communication_message (claimed_at) where status = 'SENDING';
create index communication_message_patient on communication_message (patient_id, created_at desc);
create index communication_message_gateway on communication_message (gateway_message_id)
    where gateway_message_id is not null;
create index communication_message_undelivered on communication_message (sent_at)
    where status = 'SENT' and channel = 'SMS';
