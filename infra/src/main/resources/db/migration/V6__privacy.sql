-- Per-patient keys for personal data in events (crypto-shredding). Each key is a Tink AES256_GCM keyset
-- wrapped (encrypted) by the master key, which never enters the database. Erasure replaces the keyset by
-- a tombstone (null, with the time), so a new key can never be created for an erased patient.
create table patient_key (
    subject_id     varchar(64)  primary key,
    wrapped_keyset bytea,
    created_at     timestamptz  not null default now(),
    destroyed_at   timestamptz,
    constraint patient_key_live_or_destroyed check ((wrapped_keyset is null) = (destroyed_at is not null))
);

-- The directory shows an erased patient as such, with every personal column null.
alter table patient_directory add column erased boolean not null default false;
