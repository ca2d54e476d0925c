package org.carelog.api.practitioner;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.Language;

/**
 * Changes a practitioner's profile. Each part left null stays as it is; each part that differs is
 * recorded as its own event. A blank specialty removes it.
 */
public record UpdatePractitionerProfile(
        @TargetAggregateIdentifier PractitionerId practitionerId,
        ConsultationFees fees,
        String specialty,
        List<String> qualifications,
        Set<Language> languages,
        DepartmentId departmentId) {}
