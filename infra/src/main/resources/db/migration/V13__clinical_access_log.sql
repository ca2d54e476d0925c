-- Every read of a patient's health record (chart, a section, one clinical item, history): who, in which role,
-- when, which patient, which view, from which request. Written in the read's own request, before the data is
-- returned; a read that cannot be logged is refused. Only ever inserted.
--
-- On an external server also run, for the application's database role:
--   revoke update, delete, truncate on clinical_access_log from <application role>;
create table clinical_access_log (
    id          bigserial    primary key,
    occurred_at timestamptz  not null,
    username    varchar(100) not null,
    role        varchar(30)  not null,
    patient_id  uuid         not null,
    view        varchar(100) not null,
    request_id  varchar(100)
);
create index clinical_access_log_patient on clinical_access_log (patient_id, occurred_at);
create index clinical_access_log_user on clinical_access_log (username, occurred_at);

create trigger clinical_access_log_no_update_or_delete
    before update or delete on clinical_access_log
    for each row execute function audit_record_is_append_only();
create trigger clinical_access_log_no_truncate
    before truncate on clinical_access_log
    for each statement execute function audit_record_is_append_only();
