package org.carelog.api.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** A virtual appointment was booked: its consultation room is ready (the room name is chosen by the video adapter and cannot be guessed). Link version 1 goes to the patient. */
@Revision("1")
public record ConsultationScheduled(
        @DataSubject PatientId patientId,
        ConsultationId consultationId,
        UUID appointmentId,
        PractitionerId practitionerId,
        Instant start,
        Instant end,
        String room,
        int linkVersion)
        implements ConsultationEvent {}
