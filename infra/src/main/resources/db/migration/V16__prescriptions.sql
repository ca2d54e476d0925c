-- Allergies and prescriptions (issue 6). Events are in the event store; these are their read models and the
-- facility's formulary (reference data, not events: it holds no patient data).

-- One patient's allergies and prescriptions: the JSON document of the MedicationChart fold (projection
-- 'medication-chart'). Clinical text in clear, as every clinical read model; deleted on erasure.
create table medication_chart (
    patient_id uuid        primary key,
    document   text        not null,
    updated_at timestamptz not null
);

-- Prescription id and QR verification reference to patient (projection 'medication-chart').
create table prescription_index (
    prescription_id        uuid        primary key,
    patient_id             uuid        not null,
    verification_reference varchar(64) not null unique
);
create index prescription_index_patient on prescription_index (patient_id);

-- The facility's own formulary: brands of generics in a strength and form, with a unit price in taka. Imported
-- from CSV by an administrator; a product is its brand, strength and form (re-import updates it).
create table formulary_item (
    item_id       uuid          primary key,
    brand         varchar(100)  not null,
    generic_name  varchar(200)  not null,
    -- DrugBank id of the generic when the vocabulary knows it.
    medicine_code varchar(20),
    strength      varchar(60)   not null,
    -- BD dose form (catalogue DOSE_FORM).
    form_code     varchar(20)   not null,
    form_name     text          not null,
    manufacturer  varchar(150)  not null,
    unit_price    numeric(12,2) not null check (unit_price >= 0),
    imported_by   varchar(100)  not null,
    updated_at    timestamptz   not null,
    words         tsvector generated always as (
                      to_tsvector('simple', brand || ' ' || generic_name || ' ' || manufacturer)) stored
);
create unique index formulary_item_product on formulary_item (lower(brand), lower(strength), form_code);
create index formulary_item_brand on formulary_item (lower(brand));
create index formulary_item_generic on formulary_item (lower(generic_name));
create index formulary_item_words on formulary_item using gin (words);

-- Who checked a printed prescription's QR code, and when (public verification; no account).
create table prescription_verification (
    id              bigserial    primary key,
    prescription_id uuid         not null,
    verified_at     timestamptz  not null,
    remote_address  varchar(64),
    user_agent      varchar(200)
);
