package org.carelog.api.scheduling;

/** Who asked for a cancellation; the staff member who recorded it is in the event's metadata. */
public enum CancelledBy {
    PATIENT,
    FACILITY
}
