package org.carelog.command.scheduling;

import java.time.LocalDate;
import java.util.Set;
import org.carelog.api.patient.Language;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;

/**
 * What booking needs to know about a practitioner, from the command side's own lookup.
 *
 * @param bmdcExpiresOn the last valid day of the BMDC registration; null when the role has none
 */
public record Clinician(
        PractitionerId practitionerId,
        String displayName,
        PractitionerRole role,
        LocalDate bmdcExpiresOn,
        String specialty,
        DepartmentId departmentId,
        Set<Language> languages) {

    /**
     * Whether the practitioner may take clinical bookings on {@code date}: a doctor needs a BMDC
     * registration valid that day; other roles have none to check.
     */
    public boolean registeredOn(LocalDate date) {
        if (role != PractitionerRole.DOCTOR) {
            return true;
        }
        return bmdcExpiresOn != null && !date.isAfter(bmdcExpiresOn);
    }
}
