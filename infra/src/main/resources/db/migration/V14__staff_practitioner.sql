-- The practitioner a staff account acts as: whose BMDC registration signs its prescriptions, who is attending
-- when it opens an encounter. At most one account per practitioner.
alter table staff_user add column practitioner_id uuid;
create unique index staff_user_practitioner on staff_user (practitioner_id) where practitioner_id is not null;
