-- Axon's tables, owned by Flyway. Payloads and metadata are bytea, never large objects (PITFALLS #6).
-- The global index is a BIGSERIAL: its own sequence, increment 1, so no allocation gaps (PITFALLS #7).
-- Column names are Axon's defaults (unquoted, so lower case here).

create table domainevententry (
    globalindex         bigserial    primary key,
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255),
    eventidentifier     varchar(255) not null unique,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    timestamp           varchar(255) not null,
    unique (aggregateidentifier, sequencenumber)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255) not null,
    eventidentifier     varchar(255) not null unique,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    timestamp           varchar(255) not null,
    primary key (aggregateidentifier, sequencenumber)
);

create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);

create table sagaentry (
    sagaid         varchar(255) not null primary key,
    revision       varchar(255),
    sagatype       varchar(255),
    serializedsaga bytea
);

create table associationvalueentry (
    id               bigserial primary key,
    associationkey   varchar(255),
    associationvalue varchar(255),
    sagaid           varchar(255),
    sagatype         varchar(255)
);
create index associationvalueentry_lookup on associationvalueentry (sagatype, associationkey, associationvalue);
create index associationvalueentry_saga on associationvalueentry (sagaid, sagatype);

create table deadletterentry (
    deadletteridentifier varchar(255) not null primary key,
    processinggroup      varchar(255) not null,
    sequenceidentifier   varchar(255) not null,
    sequenceindex        bigint       not null,
    messagetype          varchar(255) not null,
    eventidentifier      varchar(255) not null,
    timestamp            varchar(255) not null,
    payloadtype          varchar(255) not null,
    payloadrevision      varchar(255),
    payload              bytea        not null,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255) not null,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    causemessage         varchar(1023),
    diagnostics          bytea,
    constraint sequenceindex_index unique (processinggroup, sequenceidentifier, sequenceindex)
);
create index processinggroup_index on deadletterentry (processinggroup);
create index sequenceidentifier_index on deadletterentry (processinggroup, sequenceidentifier);
