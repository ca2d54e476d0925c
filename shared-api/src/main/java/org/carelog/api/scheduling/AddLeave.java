package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.practitioner.PractitionerId;

/** The practitioner is away from {@code from} to {@code to}, both included. */
public record AddLeave(
        @TargetAggregateIdentifier PractitionerId practitionerId,
        LeaveId leaveId,
        LocalDate from,
        LocalDate to,
        String reason) {}
