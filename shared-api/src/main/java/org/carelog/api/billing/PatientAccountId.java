package org.carelog.api.billing;

import org.carelog.api.patient.PatientId;

/** A patient's account of advance deposits: one per patient, its text form is {@code account:<patient id>}. */
public record PatientAccountId(PatientId patientId) {

    public PatientAccountId {
        if (patientId == null) {
            throw new IllegalArgumentException("patient id is required");
        }
    }

    @Override
    public String toString() {
        return "account:" + patientId;
    }
}
