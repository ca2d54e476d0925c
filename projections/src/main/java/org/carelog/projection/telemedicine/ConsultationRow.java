package org.carelog.projection.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.telemedicine.ConsultationState;

/** One virtual consultation as the read model keeps it. Caregiver texts are null once the patient is erased. */
public record ConsultationRow(
        UUID consultationId,
        UUID patientId,
        UUID appointmentId,
        UUID practitionerId,
        Instant start,
        Instant end,
        ConsultationState state,
        UUID encounterId,
        int linkVersion,
        String caregiverName,
        String caregiverRelationship,
        Instant updatedAt) {}
