-- Departments and practitioners.

-- Command side, written in the same transaction as the events they guard (PractitionerRegistry).
-- A department exists once its code is claimed; the code is unique in the facility.
create table department_registry (
    department_id uuid        primary key,
    code          varchar(10) not null
);
create unique index department_registry_code on department_registry (code);

-- A BMDC registration number belongs to one practitioner.
create table practitioner_bmdc_number (
    bmdc_number     varchar(10) primary key,
    practitioner_id uuid        not null
);

-- Read model: the department directory (projection "department-directory").
create table department_directory (
    department_id uuid         primary key,
    code          varchar(10)  not null,
    name_en       varchar(100) not null,
    name_bn       varchar(100) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create unique index department_directory_code on department_directory (code);

-- Read model: the practitioner directory (projection "practitioner-directory"). Fees in exact taka.
create table practitioner_directory (
    practitioner_id uuid          primary key,
    name_bn         varchar(200),
    name_en         varchar(200),
    display_name    varchar(200)  not null,
    role            varchar(20)   not null,
    bmdc_number     varchar(10),
    bmdc_expires_on date,
    specialty       varchar(100),
    department_id   uuid          not null,
    languages       varchar(2)[]  not null,
    qualifications  varchar(100)[] not null,
    new_visit_fee   numeric(12, 2),
    follow_up_fee   numeric(12, 2),
    registered_at   timestamptz   not null,
    updated_at      timestamptz   not null
);
create index practitioner_directory_department_role on practitioner_directory (department_id, role, display_name);
create index practitioner_directory_role on practitioner_directory (role, display_name);
create index practitioner_directory_name on practitioner_directory (display_name);
create unique index practitioner_directory_bmdc_number on practitioner_directory (bmdc_number);
