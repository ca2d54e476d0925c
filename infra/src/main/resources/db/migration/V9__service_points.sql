-- Service points (chambers, rooms, counters) of departments.

-- Command side (PractitionerRegistry), written in the transaction of the command: codes are unique in
-- the facility and stay taken after closing, so old tokens and slips stay unambiguous.
create table service_point_registry (
    service_point_id uuid        primary key,
    department_id    uuid        not null,
    code             varchar(10) not null,
    closed           boolean     not null default false
);
create unique index service_point_registry_code on service_point_registry (code);

-- Read model: the service point directory (projection "service-point-directory").
create table service_point_directory (
    service_point_id uuid         primary key,
    department_id    uuid         not null,
    code             varchar(10)  not null,
    name_en          varchar(100) not null,
    name_bn          varchar(100) not null,
    kind             varchar(20)  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    closed_at        timestamptz
);
create unique index service_point_directory_code on service_point_directory (code);
create index service_point_directory_department on service_point_directory (department_id, code);
