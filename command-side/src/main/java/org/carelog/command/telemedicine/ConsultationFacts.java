package org.carelog.command.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationState;

/**
 * What the command side knows of a virtual consultation without loading it (the {@link ConsultationRegistry}).
 *
 * @param encounterId the encounter opened for it when the clinician joined, or null
 * @param caregiverNamed whether a caregiver may join (and gets a link of their own)
 */
public record ConsultationFacts(
        ConsultationId consultationId,
        PatientId patientId,
        UUID appointmentId,
        PractitionerId practitionerId,
        Instant start,
        Instant end,
        ConsultationState state,
        EncounterId encounterId,
        int linkVersion,
        boolean caregiverNamed) {}
