-- Diagnosis classifications (reference data, not events): ICD-11 MMS as shipped with Carelog, and ICD-10
-- when a facility that holds a licence imports it. Loaded by Classifications at start-up.

create table classification_release (
    system        varchar(20) primary key,
    release       varchar(40) not null,
    codes         integer     not null,
    source_sha256 varchar(64) not null,
    loaded_at     timestamptz not null
);

create table classification_code (
    system      varchar(20)  not null,
    code        varchar(20)  not null,
    title       text         not null,
    uri         varchar(200),
    chapter     varchar(4),
    parent_code varchar(20),
    leaf        boolean      not null,
    residual    boolean      not null,
    -- English stemming for words ("fractures" finds "fracture"); trigrams for misspellings.
    words       tsvector generated always as (to_tsvector('english', title)) stored,
    primary key (system, code)
);
create index classification_code_prefix on classification_code (system, code varchar_pattern_ops);
create index classification_code_words on classification_code using gin (words);
create index classification_code_title_trgm on classification_code using gin (title gin_trgm_ops);
