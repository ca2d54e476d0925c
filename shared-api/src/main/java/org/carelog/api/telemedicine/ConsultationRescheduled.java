package org.carelog.api.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** The appointment moved: the consultation follows it, and links of earlier versions no longer admit anyone. */
@Revision("1")
public record ConsultationRescheduled(
        @DataSubject PatientId patientId,
        ConsultationId consultationId,
        UUID appointmentId,
        PractitionerId practitionerId,
        Instant start,
        Instant end,
        int linkVersion)
        implements ConsultationEvent {}
