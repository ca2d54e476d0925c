-- The register of erasures for auditors (issue 10): one row per erased patient, projected from PatientErased
-- (processing group erasure-register, rebuildable). The event carries no personal data, nor does this table.
create table erasure_register (
    id           bigint       generated always as identity primary key,
    patient_id   uuid         not null unique,
    erased_at    timestamptz  not null,
    legal_basis  varchar(40)  not null,
    reference    varchar(200),
    username     varchar(100),
    role         varchar(30),
    request_id   varchar(100)
);
create index erasure_register_time on erasure_register (erased_at);

-- Disclosures and exports are found by view name in the access log (see ComplianceReport.DISCLOSURES).
create index clinical_access_log_time on clinical_access_log (occurred_at);
create index staff_audit_time on staff_audit (occurred_at);
create index clinical_access_log_break_glass on clinical_access_log (break_glass_id) where break_glass_id is not null;
create index staff_session_sign_ins on staff_session (lower(username), created_at);
