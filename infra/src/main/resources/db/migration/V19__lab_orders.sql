-- Lab and imaging orders read model (processing group lab-orders): each order's view as JSON (decrypted
-- health data, as every clinical read model holds; scrubbed when the patient is erased), with the columns the
-- chart and the laboratory's worklist filter and sort by.
create table lab_order (
    order_id      uuid        primary key,
    patient_id    uuid        not null,
    status        varchar(12) not null,
    -- LabPriority's order: 0 = STAT, 1 = URGENT, 2 = ROUTINE.
    priority_rank integer     not null,
    ordered_at    timestamptz not null,
    abnormal      boolean     not null,
    document      jsonb       not null
);
create index lab_order_patient on lab_order (patient_id, ordered_at desc);
create index lab_order_worklist on lab_order (priority_rank, ordered_at)
    where status in ('ORDERED', 'COLLECTED', 'RESULTED');
