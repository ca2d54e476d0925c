-- Reference catalogues (not events): lab tests (LOINC Top 2000+, SI units), generic medicine names (DrugBank
-- open vocabulary, CC0) and dose forms (BD Core). Loaded by ReferenceData at start-up; releases are recorded in
-- classification_release like the diagnosis classifications.

create table catalogue_entry (
    catalogue varchar(20)  not null,
    code      varchar(20)  not null,
    name      text         not null,
    -- LOINC short name; the dose form's definition.
    detail    text,
    -- LOINC class (Chem, HEM/BC...); empty for medicines.
    category  varchar(40),
    -- Other names (medicines: INN, BAN and other spellings, such as Paracetamol for Acetaminophen).
    synonyms  text         not null default '',
    -- LOINC's commonness rank (1 = most often ordered); null where there is none.
    rank      integer,
    words     tsvector generated always as (
                  to_tsvector('simple', name || ' ' || coalesce(detail, '') || ' ' || synonyms)) stored,
    primary key (catalogue, code)
);
create index catalogue_entry_words on catalogue_entry using gin (words);
create index catalogue_entry_name_trgm on catalogue_entry using gin (name gin_trgm_ops);
create index catalogue_entry_synonyms_trgm on catalogue_entry using gin (synonyms gin_trgm_ops);
