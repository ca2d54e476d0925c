-- Billing (issue 7).

-- Command side (BillingRegistry), kept by the subscribing processor "billing-lookup" in the transaction of the
-- events, and the invoice number counter, advanced in the transaction of the invoice's own append. Never read by
-- projections, never rebuilt from them.

-- The price list over time: the price in force at an instant is the row with the latest effective_from not
-- after it. Consultation rows (category CONSULTATION, code the practitioner id) carry the follow-up fee and
-- the revisit windows.
create table billing_price (
    price_key          varchar(100)  not null,
    effective_from     timestamptz   not null,
    name               varchar(200)  not null,
    amount             numeric(12,2) not null,
    follow_up_amount   numeric(12,2),
    follow_up_days     integer,
    free_revisit_days  integer,
    primary key (price_key, effective_from)
);

-- Encounters and what was ordered in them (the LOINC code or study: health data, deleted on erasure).
create table billing_encounter (
    encounter_id    uuid primary key,
    patient_id      uuid not null,
    practitioner_id uuid not null,
    appointment_id  uuid
);
create index billing_encounter_patient on billing_encounter (patient_id);

create table billing_encounter_order (
    order_id     uuid         primary key,
    encounter_id uuid         not null,
    patient_id   uuid,
    kind         varchar(10)  not null,
    code         varchar(100),
    name         varchar(300),
    cancelled    boolean      not null default false
);
create index billing_encounter_order_encounter on billing_encounter_order (encounter_id);

-- Charged (not free, not void) consultations: which fee the next one costs.
create table billing_consultation (
    invoice_id      uuid        primary key,
    patient_id      uuid        not null,
    practitioner_id uuid        not null,
    charged_at      timestamptz not null
);
create index billing_consultation_patient on billing_consultation (patient_id, practitioner_id, charged_at desc);

-- A provider's transaction id (bKash, Nagad, Rocket, a card gateway) is recorded once across all invoices.
create table billing_payment_reference (
    method     varchar(10) not null,
    reference  varchar(64) not null,
    -- null for an advance deposit (payment_id is then the deposit's id)
    invoice_id uuid,
    payment_id uuid        not null,
    primary key (method, reference)
);

-- Invoice numbers: one counter per prefix and year, advanced in the transaction that appends the invoice.
create table billing_invoice_sequence (
    prefix      varchar(6) not null,
    year        integer    not null,
    last_number bigint     not null,
    primary key (prefix, year)
);

-- Read model "billing-invoices": each invoice's view as JSON (line descriptions are decrypted health data,
-- scrubbed on erasure), and one row per payment or refund (the cash book and revenue).
create table billing_invoice (
    invoice_id      uuid          primary key,
    number          varchar(30)   not null unique,
    patient_id      uuid          not null,
    status          varchar(10)   not null,
    due             numeric(12,2) not null,
    generated_at    timestamptz   not null,
    issued_at       timestamptz,
    department_id   uuid,
    practitioner_id uuid,
    total           numeric(12,2) not null,
    credited        numeric(12,2) not null,
    document        jsonb         not null
);
create index billing_invoice_patient on billing_invoice (patient_id, generated_at desc);
create index billing_invoice_receivable on billing_invoice (generated_at) where status <> 'VOID' and due > 0;

create table billing_cash_entry (
    entry_id        uuid          primary key,
    -- null for an advance deposit (kind DEPOSIT)
    invoice_id      uuid,
    invoice_number  varchar(30),
    patient_id      uuid          not null,
    kind            varchar(7)    not null,
    method          varchar(10)   not null,
    amount          numeric(12,2) not null,
    reference       varchar(64),
    cashier         varchar(100)  not null,
    at              timestamptz   not null,
    department_id   uuid,
    practitioner_id uuid
);
create index billing_cash_entry_cashier on billing_cash_entry (cashier, at) include (kind, method, amount);
create index billing_cash_entry_at on billing_cash_entry (at);
create index billing_cash_entry_patient on billing_cash_entry (patient_id) where kind = 'DEPOSIT' or method = 'DEPOSIT';
