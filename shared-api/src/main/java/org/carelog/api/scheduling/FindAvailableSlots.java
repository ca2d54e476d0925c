package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.carelog.api.practitioner.PractitionerId;

/**
 * Free slots of one practitioner, or of every practitioner of a specialty, from {@code from} to
 * {@code to} (local dates, both included), optionally of one appointment type.
 */
public record FindAvailableSlots(
        PractitionerId practitionerId, String specialty, LocalDate from, LocalDate to, AppointmentType type) {}
