package org.carelog.command.practitioner;

import java.time.LocalDate;
import java.util.List;
import org.carelog.api.patient.Language;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.ServicePointKind;

/** GraphQL inputs and payloads of the department and practitioner mutations, as the schema declares them. */
final class PractitionerInputs {

    private PractitionerInputs() {}

    record CreateDepartmentInput(String idempotencyKey, String code, String nameEn, String nameBn) {}

    record RenameDepartmentInput(String idempotencyKey, String departmentId, String nameEn, String nameBn) {}

    record RegisterPractitionerInput(
            String idempotencyKey,
            String nameBn,
            String nameEn,
            PractitionerRole role,
            BmdcRegistrationInput bmdc,
            String specialty,
            String departmentId,
            List<Language> languages,
            List<String> qualifications,
            ConsultationFeesInput fees) {}

    record UpdatePractitionerProfileInput(
            String idempotencyKey,
            String practitionerId,
            ConsultationFeesInput fees,
            String specialty,
            List<String> qualifications,
            List<Language> languages,
            String departmentId) {}

    record RenewBmdcRegistrationInput(String idempotencyKey, String practitionerId, LocalDate expiresOn) {}

    record BmdcRegistrationInput(String number, LocalDate expiresOn) {}

    record ConsultationFeesInput(String newVisit, String followUp) {}

    record DepartmentPayload(String departmentId) {}

    record AddServicePointInput(
            String idempotencyKey,
            String departmentId,
            String code,
            String nameEn,
            String nameBn,
            ServicePointKind kind) {}

    record RenameServicePointInput(
            String idempotencyKey, String departmentId, String servicePointId, String nameEn, String nameBn) {}

    record CloseServicePointInput(String idempotencyKey, String departmentId, String servicePointId, String reason) {}

    record ServicePointPayload(String servicePointId, String departmentId) {}

    record PractitionerPayload(String practitionerId) {}
}
