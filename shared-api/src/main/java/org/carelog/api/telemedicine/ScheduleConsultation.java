package org.carelog.api.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** Prepares the consultation of a booked virtual appointment, in the room the video adapter chose. */
public record ScheduleConsultation(
        @TargetAggregateIdentifier ConsultationId consultationId,
        PatientId patientId,
        UUID appointmentId,
        PractitionerId practitionerId,
        Instant start,
        Instant end,
        String room) {}
