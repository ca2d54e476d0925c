-- Read model: the patient directory (projection "patient-directory").
create extension if not exists pg_trgm;

create table patient_directory (
    patient_id                     uuid         primary key,
    mrn                            varchar(30)  not null,
    mrn_sequence                   bigint       not null,
    name_bn                        varchar(200),
    name_en                        varchar(200),
    search_key                     varchar(1000) not null,
    sex                            varchar(10),
    birth_date                     date,
    birth_date_estimated           boolean      not null,
    blood_group                    varchar(15),
    phone                          varchar(20),
    email                          varchar(254),
    national_id                    varchar(17),
    birth_registration_number      varchar(17),
    division_code                  varchar(10),
    district_code                  varchar(10),
    upazila_code                   varchar(10),
    address_line                   varchar(500),
    emergency_contact_name         varchar(200),
    emergency_contact_relationship varchar(100),
    emergency_contact_phone        varchar(20),
    preferred_language             varchar(2),
    sms_consent                    boolean      not null,
    email_consent                  boolean      not null,
    registered_at                  timestamptz  not null,
    updated_at                     timestamptz  not null
);
create unique index patient_directory_mrn on patient_directory (mrn);
create unique index patient_directory_mrn_sequence on patient_directory (mrn_sequence);
create index patient_directory_phone on patient_directory (phone, mrn_sequence);
create index patient_directory_national_id on patient_directory (national_id);
create index patient_directory_brn on patient_directory (birth_registration_number);
create index patient_directory_search on patient_directory using gin (search_key gin_trgm_ops);
