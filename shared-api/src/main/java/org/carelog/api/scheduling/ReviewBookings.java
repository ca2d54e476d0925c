package org.carelog.api.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The practitioner's availability for the day changed: flags each booked appointment that no longer
 * fits. Sent by the scheduling process manager, not by people.
 */
public record ReviewBookings(@TargetAggregateIdentifier DayScheduleId scheduleId) {}
