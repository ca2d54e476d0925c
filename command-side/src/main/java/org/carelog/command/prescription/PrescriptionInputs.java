package org.carelog.command.prescription;

import java.time.LocalDate;
import java.util.List;

/** GraphQL inputs and payloads of the allergy and prescription mutations. */
final class PrescriptionInputs {

    private PrescriptionInputs() {}

    record SubstanceInput(String medicineCode, String name) {}

    record RecordAllergyInput(
            String idempotencyKey,
            String patientId,
            SubstanceInput substance,
            String category,
            String reaction,
            String severity) {}

    record ChangeAllergyStatusInput(
            String idempotencyKey, String patientId, String allergyId, String status, String reason) {}

    record AllergyPayload(String allergyId) {}

    record CourseDurationInput(Integer amount, String unit, Boolean continuing) {}

    record PrescribedItemInput(
            String medicineCode,
            String genericName,
            String brand,
            String strength,
            String form,
            String dose,
            String route,
            String frequency,
            String timing,
            CourseDurationInput duration,
            Double quantity,
            String instructions) {}

    record WritePrescriptionInput(
            String idempotencyKey,
            String patientId,
            String encounterId,
            List<PrescribedItemInput> items,
            String advice,
            LocalDate followUpOn,
            String overrideReason) {}

    record ReplacePrescriptionInput(
            String idempotencyKey, String prescriptionId, String reason, WritePrescriptionInput replacement) {}

    record StopMedicationInput(String idempotencyKey, String prescriptionId, Integer item, String reason) {}

    record PrescriptionPayload(String prescriptionId) {}
}
