package org.carelog.api.portal;

import java.security.Principal;
import org.carelog.api.patient.PatientId;

/**
 * The principal of a patient signed in to the portal: the patient is the one the sign-in proved (a one-time
 * code to their registered phone, or their password), never one named by a request. Its name, written to
 * events and the access log as the user, is {@code patient:<id>}.
 */
public record SignedInPatient(PatientId patientId) implements Principal {

    public static final String NAME_PREFIX = "patient:";

    public SignedInPatient {
        if (patientId == null) {
            throw new IllegalArgumentException("patient id is required");
        }
    }

    @Override
    public String getName() {
        return NAME_PREFIX + patientId;
    }
}
