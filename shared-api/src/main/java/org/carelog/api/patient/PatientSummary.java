package org.carelog.api.patient;

import java.time.Instant;
import java.time.LocalDate;

/** A patient as the directory shows them; after erasure only the MRN, dates and consent remain. */
public record PatientSummary(
        String patientId,
        String mrn,
        long mrnSequence,
        String nameBn,
        String nameEn,
        Sex sex,
        LocalDate birthDate,
        boolean birthDateEstimated,
        BloodGroup bloodGroup,
        String phone,
        String email,
        String nationalId,
        String birthRegistrationNumber,
        String divisionCode,
        String districtCode,
        String upazilaCode,
        String addressLine,
        String emergencyContactName,
        String emergencyContactRelationship,
        String emergencyContactPhone,
        Language preferredLanguage,
        boolean smsConsent,
        boolean emailConsent,
        Instant registeredAt,
        Instant updatedAt,
        boolean erased) {}
