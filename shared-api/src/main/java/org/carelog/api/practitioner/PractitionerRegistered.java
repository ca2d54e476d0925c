package org.carelog.api.practitioner;

import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PersonName;

/** A practitioner joined a department. {@code bmdc} and {@code fees} are null where the role has none. */
@Revision("1")
public record PractitionerRegistered(
        PractitionerId practitionerId,
        PersonName name,
        PractitionerRole role,
        BmdcRegistration bmdc,
        String specialty,
        DepartmentId departmentId,
        Set<Language> languages,
        List<String> qualifications,
        ConsultationFees fees) {

    public PractitionerRegistered {
        languages = LanguageSets.sorted(languages);
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
    }
}
