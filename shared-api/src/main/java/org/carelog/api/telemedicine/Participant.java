package org.carelog.api.telemedicine;

/** Who joins a virtual consultation: the patient, a caregiver named for it, or the assigned clinician. */
public enum Participant {
    PATIENT,
    CAREGIVER,
    CLINICIAN
}
