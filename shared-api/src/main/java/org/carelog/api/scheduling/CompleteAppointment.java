package org.carelog.api.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The practitioner saw the checked-in patient. */
public record CompleteAppointment(@TargetAggregateIdentifier DayScheduleId scheduleId, AppointmentId appointmentId) {}
