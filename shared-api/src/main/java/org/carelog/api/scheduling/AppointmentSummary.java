package org.carelog.api.scheduling;

import java.time.Instant;
import java.time.LocalDate;

/** An appointment as the calendar and lists show it. {@code rebookingCause} is null unless flagged. */
public record AppointmentSummary(
        String appointmentId,
        String practitionerId,
        String patientId,
        String departmentId,
        String servicePointId,
        LocalDate date,
        Instant start,
        Instant end,
        AppointmentType type,
        VisitKind visitKind,
        boolean walkIn,
        AppointmentStatus status,
        RebookingCause rebookingCause,
        String rescheduledTo,
        Instant bookedAt,
        Instant updatedAt) {}
