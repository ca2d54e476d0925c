-- Clinical reports (issue 10), projected by the clinical-reports processor (infra/reporting, rebuildable).
-- Rows carry codes, medicine names, sex and age group for statistics; the patient id only to find them on
-- erasure, when it is set to null (the row stays an anonymous count) and the patient's sex and birth date go.

create table report_patient (
    patient_id uuid       primary key,
    sex        varchar(10),
    birth_date date
);

create table report_encounter (
    encounter_id    uuid primary key,
    patient_id      uuid,
    day             date not null,
    practitioner_id uuid not null,
    department_id   uuid not null
);

create table report_diagnosis (
    diagnosis_id    uuid        primary key,
    patient_id      uuid,
    day             date        not null,
    department_id   uuid        not null,
    practitioner_id uuid        not null,
    system          varchar(20),
    code            varchar(40),
    chapter         varchar(4),
    age_group       varchar(10) not null,
    sex             varchar(10) not null,
    retracted       boolean     not null default false
);
create index report_diagnosis_day on report_diagnosis (day, department_id);
create index report_diagnosis_patient on report_diagnosis (patient_id) where patient_id is not null;

create table report_prescription_item (
    prescription_id uuid         not null,
    line            integer      not null,
    patient_id      uuid,
    day             date         not null,
    department_id   uuid         not null,
    practitioner_id uuid         not null,
    medicine        varchar(300) not null,
    primary key (prescription_id, line)
);
create index report_prescription_item_day on report_prescription_item (day, department_id);
create index report_prescription_item_patient on report_prescription_item (patient_id) where patient_id is not null;

create table report_lab_order (
    order_id        uuid         primary key,
    patient_id      uuid,
    day             date         not null,
    department_id   uuid         not null,
    practitioner_id uuid         not null,
    kind            varchar(20)  not null,
    code            varchar(40),
    name            varchar(300),
    ordered_at      timestamptz  not null,
    verified_at     timestamptz,
    flag            varchar(20),
    cancelled       boolean      not null default false
);
create index report_lab_order_day on report_lab_order (day, department_id);
create index report_lab_order_patient on report_lab_order (patient_id) where patient_id is not null;
