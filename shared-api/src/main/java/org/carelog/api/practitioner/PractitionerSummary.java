package org.carelog.api.practitioner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carelog.api.patient.Language;

/** A practitioner as the directory shows them; fees are null where the role has none. */
public record PractitionerSummary(
        String practitionerId,
        String nameBn,
        String nameEn,
        PractitionerRole role,
        String bmdcNumber,
        LocalDate bmdcExpiresOn,
        String specialty,
        String departmentId,
        List<Language> languages,
        List<String> qualifications,
        ConsultationFees fees,
        Instant registeredAt,
        Instant updatedAt) {}
