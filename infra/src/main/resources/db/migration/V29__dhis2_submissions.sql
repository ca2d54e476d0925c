-- DHIS2 national reporting (issue 10): every attempt to send a month's data value set, kept for auditors and so
-- that a retried request with the same idempotency key sends nothing twice. Aggregate counts only: no patient.
create table dhis2_submission (
    id               uuid          primary key,
    month            char(7)       not null,
    requested_by     varchar(100)  not null,
    requested_at     timestamptz   not null,
    idempotency_key  varchar(100)  not null,
    -- SENDING while the request is out; then DHIS2's import status (SUCCESS, WARNING, ERROR) or FAILED.
    status           varchar(20)   not null,
    -- Why an attempt failed: REJECTED (DHIS2 answered 4xx or ERROR), SERVER_ERROR, TIMEOUT, UNREACHABLE.
    failure          varchar(20),
    finished_at      timestamptz,
    http_status      integer,
    imported         integer,
    updated          integer,
    ignored          integer,
    deleted          integer,
    conflicts        jsonb,
    -- DHIS2's answer (or the error), cut to 2,000 characters.
    response_summary varchar(2000),
    unique (requested_by, idempotency_key)
);
create index dhis2_submission_time on dhis2_submission (requested_at);
