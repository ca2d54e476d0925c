package org.carelog.api.scheduling;

/** How the patient meets the practitioner. */
public enum AppointmentType {
    IN_PERSON,
    VIRTUAL
}
