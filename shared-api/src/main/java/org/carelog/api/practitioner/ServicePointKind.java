package org.carelog.api.practitioner;

/** What happens at a service point; queues and scheduling treat them alike, boards and reports tell them apart. */
public enum ServicePointKind {
    /** A doctor's consulting room. */
    CHAMBER,
    /** A procedure, dressing or examination room. */
    ROOM,
    /** A department's front counter (registration, enquiries). */
    COUNTER,
    /** Where lab samples are collected. */
    SAMPLE_COLLECTION,
    /** X-ray, ultrasound, ECG and similar. */
    IMAGING,
    PHARMACY,
    /** Where invoices are paid. */
    BILLING_COUNTER
}
