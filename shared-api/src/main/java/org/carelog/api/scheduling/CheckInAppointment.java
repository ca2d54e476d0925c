package org.carelog.api.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient of a booked appointment arrived. */
public record CheckInAppointment(@TargetAggregateIdentifier DayScheduleId scheduleId, AppointmentId appointmentId) {}
