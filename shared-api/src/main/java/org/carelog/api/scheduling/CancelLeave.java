package org.carelog.api.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.practitioner.PractitionerId;

/** Withdraws a period of leave: the days are worked as planned again. */
public record CancelLeave(@TargetAggregateIdentifier PractitionerId practitionerId, LeaveId leaveId) {}
