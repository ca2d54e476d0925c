package org.carelog.command.patient;

import java.time.LocalDate;
import org.carelog.api.patient.BloodGroup;
import org.carelog.api.patient.ErasureBasis;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.Sex;

/** GraphQL inputs of the patient mutations, as the schema declares them. */
final class PatientInputs {

    private PatientInputs() {}

    record RegisterPatientInput(
            String idempotencyKey,
            DemographicsInput demographics,
            IdentifiersInput identifiers,
            ContactInput contact,
            ConsentInput consent,
            String duplicateOverrideReason) {}

    record UpdatePatientInput(
            String idempotencyKey,
            String patientId,
            DemographicsInput demographics,
            IdentifiersInput identifiers,
            ContactInput contact,
            ConsentInput consent) {}

    record ErasePatientInput(String idempotencyKey, String patientId, ErasureBasis legalBasis, String reference) {}

    record DemographicsInput(
            String nameBn, String nameEn, Sex sex, LocalDate birthDate, Integer estimatedAge, BloodGroup bloodGroup) {}

    record IdentifiersInput(String nationalId, String birthRegistrationNumber) {}

    record ContactInput(
            String phone,
            String email,
            AddressInput address,
            EmergencyContactInput emergencyContact,
            Language preferredLanguage) {}

    record AddressInput(String divisionCode, String districtCode, String upazilaCode, String line) {}

    record EmergencyContactInput(String name, String relationship, String phone) {}

    record ConsentInput(boolean sms, boolean email) {}

    record PatientPayload(String patientId, String mrn) {}
}
