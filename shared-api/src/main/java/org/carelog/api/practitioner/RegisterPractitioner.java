package org.carelog.api.practitioner;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PersonName;

/**
 * Registers a practitioner in a department. Doctors need a valid BMDC registration and consultation
 * fees; other roles have neither a BMDC registration nor, unless given, fees. Specialty and
 * qualifications are free text, cleaned by the aggregate.
 */
public record RegisterPractitioner(
        @TargetAggregateIdentifier PractitionerId practitionerId,
        PersonName name,
        PractitionerRole role,
        BmdcRegistration bmdc,
        String specialty,
        DepartmentId departmentId,
        Set<Language> languages,
        List<String> qualifications,
        ConsultationFees fees) {}
