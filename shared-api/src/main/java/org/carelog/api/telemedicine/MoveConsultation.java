package org.carelog.api.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.practitioner.PractitionerId;

/** The consultation's appointment was rescheduled to {@code appointmentId}: a new time and a new link. */
public record MoveConsultation(
        @TargetAggregateIdentifier ConsultationId consultationId,
        UUID appointmentId,
        PractitionerId practitionerId,
        Instant start,
        Instant end) {}
