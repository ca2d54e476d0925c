-- Communication report (issue 10). Messages are not events: communication_message is their record, and the report
-- reads it live. Two additions make a year of a large hospital cheap to report on:
-- the appointment an appointment reminder is for, as an indexed column (filled when the reminder is queued, so the
-- report never matches deduplication keys with LIKE), and an index on the time a message was queued (the period),
-- covering the columns the per-kind counts read, so they are an index-only range scan once vacuum has run.
alter table communication_message add column appointment_id uuid;

-- Backfill, once, from the reminders' key appointment-reminder:<appointment id>:<offset>.
update communication_message
   set appointment_id = split_part(deduplication_key, ':', 2)::uuid
 where kind = 'APPOINTMENT_REMINDER'
   and deduplication_key ~ '^appointment-reminder:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}:';

create index communication_message_appointment on communication_message (appointment_id)
    where appointment_id is not null;
create index communication_message_created on communication_message (created_at)
    include (kind, channel, status, decision);

-- The no-show figures read the operational report's appointments of a period (V25 has no index on the day).
create index if not exists report_appointment_day on report_appointment (day, department_id);
