package org.carelog.command.clinical;

import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.EncounterType;
import org.carelog.api.clinical.NoteSection;
import org.carelog.api.reference.CodeSystem;

/** GraphQL inputs and payloads of the encounter mutations, as the schema declares them. */
final class EncounterInputs {

    private EncounterInputs() {}

    record OpenEncounterInput(
            String idempotencyKey,
            EncounterType type,
            String appointmentId,
            String tokenId,
            String patientId,
            String practitionerId) {}

    record WriteClinicalNoteInput(
            String idempotencyKey, String encounterId, NoteSection section, String text, String reason) {}

    record RecordVitalSignsInput(
            String idempotencyKey,
            String encounterId,
            Integer systolic,
            Integer diastolic,
            Integer pulse,
            Double temperatureCelsius,
            Double temperatureFahrenheit,
            Integer spo2,
            Integer respiratoryRate,
            Double weightKg,
            Double heightCm,
            Double glucoseMmolPerL,
            Double glucoseMgPerDl) {}

    record RecordDiagnosisInput(
            String idempotencyKey,
            String encounterId,
            DiagnosisRank rank,
            CodeSystem system,
            String code,
            String uncodedText) {}

    record ChangeDiagnosisInput(String idempotencyKey, String encounterId, String diagnosisId, String reason) {}

    record SignEncounterInput(String idempotencyKey, String encounterId) {}

    record EncounterPayload(String encounterId) {}

    record ClinicalNotePayload(String encounterId, NoteSection section, int version) {}

    record VitalSignsPayload(
            String encounterId, String vitalsId, Double temperatureCelsius, Double glucoseMmolPerL, Double bmi) {}

    record DiagnosisPayload(String encounterId, String diagnosisId) {}
}
