-- Patient access (issue 9): patients' sign-in (one-time codes, passwords, sessions), secure-message
-- attachments, and the conversations read model.

-- One row per one-time code sent. The code is stored only as a salted SHA-256; attempts are counted here,
-- atomically per challenge (an UPDATE ... RETURNING), however many requests, aliases or nodes try at once.
create table patient_sign_in_challenge (
    id             uuid         primary key,
    phone          varchar(20)  not null,
    client_address varchar(64)  not null,
    salt           bytea        not null,
    code_hash      bytea        not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    attempts       integer      not null default 0,
    consumed_at    timestamptz
);
-- The rate limits count recent challenges per phone and per client address.
create index patient_sign_in_challenge_phone on patient_sign_in_challenge (phone, created_at);
create index patient_sign_in_challenge_address on patient_sign_in_challenge (client_address, created_at);

-- A patient's password, set after a code sign-in; failed password sign-ins lock it for a while.
create table patient_account (
    patient_id      uuid         primary key,
    password_hash   varchar(200),
    password_set_at timestamptz,
    failed_sign_ins integer      not null default 0,
    locked_until    timestamptz
);

-- One row per token issued to a patient (id = the token's jti); checked on every request.
create table patient_session (
    id           uuid         primary key,
    patient_id   uuid         not null,
    via          varchar(10)  not null,
    created_at   timestamptz  not null,
    last_seen_at timestamptz  not null,
    revoked_at   timestamptz
);
create index patient_session_patient on patient_session (patient_id) where revoked_at is null;

-- Files uploaded to a conversation: bytes and file name encrypted (AES-GCM) with the patient's own key, so
-- erasing the patient erases them. A message refers to them by id; events carry id, type, size and digest.
create table message_attachment (
    attachment_id   uuid         primary key,
    conversation_id uuid         not null,
    patient_id      uuid         not null,
    content_type    varchar(50)  not null,
    size            bigint       not null,
    sha256          char(64)     not null,
    file_name       bytea        not null,
    content         bytea        not null,
    uploaded_by     varchar(100) not null,
    uploaded_at     timestamptz  not null
);
create index message_attachment_conversation on message_attachment (conversation_id);
create index message_attachment_patient on message_attachment (patient_id);

-- Read model (projection "conversations"): one row per conversation, one per message.
create table conversation_view (
    conversation_id          uuid         primary key,
    patient_id               uuid         not null,
    department_id            uuid         not null,
    subject                  text,
    started_by               varchar(20)  not null,
    status                   varchar(10)  not null,
    assigned_practitioner_id uuid,
    message_count            integer      not null,
    patient_read_up_to       integer      not null,
    care_team_read_up_to     integer      not null,
    started_at               timestamptz  not null,
    last_message_at          timestamptz  not null,
    closed_at                timestamptz
);
create index conversation_view_patient on conversation_view (patient_id, last_message_at desc);
create index conversation_view_department on conversation_view (department_id, status, last_message_at desc);

create table conversation_message (
    message_id      uuid         primary key,
    conversation_id uuid         not null,
    patient_id      uuid         not null,
    number          integer      not null,
    author          varchar(20)  not null,
    author_username varchar(100),
    author_role     varchar(30),
    text            text,
    -- JSON array of {attachmentId, contentType, size, sha256, fileName}
    attachments     text         not null,
    sent_at         timestamptz  not null
);
create unique index conversation_message_number on conversation_message (conversation_id, number);
create index conversation_message_patient on conversation_message (patient_id);

-- Command-side lookup: each conversation's patient, written in the transaction that starts it (subscribing
-- processor "conversation-lookup"), so an upload can be checked against the conversation at once.
create table conversation_patient (
    conversation_id uuid primary key,
    patient_id      uuid not null
);
