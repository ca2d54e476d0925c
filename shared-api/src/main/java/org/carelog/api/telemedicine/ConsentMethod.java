package org.carelog.api.telemedicine;

/** How telemedicine consent was captured. */
public enum ConsentMethod {
    /** The patient (or their caregiver) agreed on the join page of their link. */
    PATIENT_ON_JOIN_PAGE,
    /** A staff member recorded it on the patient's behalf, by phone. */
    STAFF_BY_PHONE
}
