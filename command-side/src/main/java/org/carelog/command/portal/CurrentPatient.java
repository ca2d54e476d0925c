package org.carelog.command.portal;

import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.patient.PatientId;
import org.carelog.api.portal.SignedInPatient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The patient signed in on this thread, from their sign-in (the principal), never from a request's arguments.
 * Every portal operation starts here.
 */
public final class CurrentPatient {

    private CurrentPatient() {}

    /** The signed-in patient; FORBIDDEN for anyone else (staff, or a token that only claims the role). */
    public static PatientId require() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && user.getPrincipal() instanceof SignedInPatient patient) {
            return patient.patientId();
        }
        throw new CarelogException(
                new CarelogError(ErrorCode.FORBIDDEN, "Only a patient signed in to the portal", null, null));
    }
}
