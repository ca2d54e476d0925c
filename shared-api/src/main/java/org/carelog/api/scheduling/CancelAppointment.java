package org.carelog.api.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a booked appointment, freeing its place; the reason is required. */
public record CancelAppointment(
        @TargetAggregateIdentifier DayScheduleId scheduleId,
        AppointmentId appointmentId,
        CancelledBy cancelledBy,
        String reason) {}
