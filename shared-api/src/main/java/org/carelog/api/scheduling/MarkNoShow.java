package org.carelog.api.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facility's day closed and the patient of a booked appointment never checked in. */
public record MarkNoShow(@TargetAggregateIdentifier DayScheduleId scheduleId, AppointmentId appointmentId) {}
