package org.carelog.api.queue;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;

/** Issues the next token of a service point's queue for today: to a registered patient (`patientId`) or a walk-in known by name and phone (`walkIn`, with a `patientId` reserved for their registration), optionally in a priority category, for an appointment checked in, or as the next step of a journey (`transferredFrom`, `journeyId`). Answers {@link IssuedToken}. */
public record IssueToken(
        @TargetAggregateIdentifier TokenQueueId queueId,
        PatientId patientId,
        QuickRegistration walkIn,
        String priority,
        AppointmentReference appointment,
        TokenId transferredFrom,
        UUID journeyId) {}
