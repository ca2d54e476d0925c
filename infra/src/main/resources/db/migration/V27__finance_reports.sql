-- Finance reports (issue 10), projected by the finance-reports processor (infra/reporting, rebuildable) from the
-- billing events. Amounts are exact numerics (taka and poisha). One row per invoice, line, discount and money
-- movement: the CSV exports list them and receivables are aged as of any past day from them. No names; the
-- patient id only to find an erased patient's rows, when it goes with the discount reasons and line codes.

-- Each invoice: where it belongs, its gross, its current total and state. day is the local day it was issued.
create table report_finance_invoice (
    invoice_id      uuid          primary key,
    number          varchar(40)   not null,
    patient_id      uuid,
    department_id   uuid,
    practitioner_id uuid,
    counter_sale    boolean       not null,
    generated_day   date          not null,
    gross           numeric(12,2) not null,
    total           numeric(12,2) not null,
    status          varchar(10)   not null,
    day             date,
    voided_day      date
);
create index report_finance_invoice_day on report_finance_invoice (day) where status = 'ISSUED';
create index report_finance_invoice_generated on report_finance_invoice (generated_day);
create index report_finance_invoice_patient on report_finance_invoice (patient_id) where patient_id is not null;

-- Each invoice line as priced (code null after the patient's erasure: it said what care was given).
create table report_finance_line (
    invoice_id uuid          not null,
    charge_key varchar(200)  not null,
    category   varchar(20)   not null,
    code       varchar(100),
    quantity   integer       not null,
    net        numeric(12,2) not null,
    tax        numeric(12,2) not null,
    total      numeric(12,2) not null,
    primary key (invoice_id, charge_key)
);

-- Each discount given (an invoice's later discount supersedes its earlier one), by whom (event metadata);
-- sequence is the event's in its invoice, which orders one invoice's discounts even within a millisecond.
create table report_finance_discount (
    event_id    varchar(100)  primary key,
    invoice_id  uuid          not null,
    sequence    bigint        not null,
    day         date          not null,
    at          timestamptz   not null,
    given_by    varchar(100),
    role        varchar(30),
    approved_by varchar(100),
    percent     numeric(7,3),
    amount      numeric(12,2) not null,
    reason      varchar(500),
    superseded  boolean       not null default false
);
create index report_finance_discount_day on report_finance_discount (day);
create index report_finance_discount_invoice on report_finance_discount (invoice_id);

-- Money movements: payments (method DEPOSIT when paid from a deposit), refunds, deposits received (no invoice)
-- and credit notes (no method). reference is the provider's reference masked to its last four characters.
create table report_finance_entry (
    entry_id   uuid          primary key,
    kind       varchar(10)   not null,
    invoice_id uuid,
    method     varchar(10),
    amount     numeric(12,2) not null,
    day        date          not null,
    at         timestamptz   not null,
    by_user    varchar(100),
    reference  varchar(20)
);
create index report_finance_entry_day on report_finance_entry (day, kind);
create index report_finance_entry_invoice on report_finance_entry (invoice_id);
