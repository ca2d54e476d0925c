package org.carelog.api.prescription;

/** The unit of a course's length. */
public enum DurationUnit {
    DAYS,
    WEEKS,
    MONTHS
}
