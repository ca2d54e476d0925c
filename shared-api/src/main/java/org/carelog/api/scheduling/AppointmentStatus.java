package org.carelog.api.scheduling;

/** Where an appointment is in its life. Only BOOKED and CHECKED_IN hold a place. */
public enum AppointmentStatus {
    BOOKED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    RESCHEDULED,
    NO_SHOW;

    public boolean holdsPlace() {
        return this == BOOKED || this == CHECKED_IN;
    }
}
