package org.carelog.api.scheduling;

import java.time.Instant;
import org.carelog.api.practitioner.ServicePointId;

/** The result of a booking: where and when, and (automatic assignment) why this slot. */
public record AppointmentBooking(
        AppointmentId appointmentId,
        DayScheduleId scheduleId,
        ServicePointId servicePointId,
        Instant start,
        Instant end,
        VisitKind visitKind,
        String reason) {}
