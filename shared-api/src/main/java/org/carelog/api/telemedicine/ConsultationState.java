package org.carelog.api.telemedicine;

/** Where a virtual consultation stands; each change is an event. */
public enum ConsultationState {
    /** Booked; nobody has joined yet. */
    SCHEDULED,
    /** The patient (or their caregiver) joined and waits for the clinician. */
    WAITING_ROOM,
    /** The clinician joined. */
    IN_PROGRESS,
    /** The encounter was signed, or the clinician ended it. */
    COMPLETED,
    /** The join window closed and the patient never joined. */
    MISSED_BY_PATIENT,
    /** The join window closed with the patient waiting and the clinician never joined. */
    MISSED_BY_CLINICIAN,
    /** The appointment was cancelled (or rescheduled as an in-person visit). */
    CANCELLED;

    /** True when nobody can join any more. */
    public boolean ended() {
        return this == COMPLETED || this == MISSED_BY_PATIENT || this == MISSED_BY_CLINICIAN || this == CANCELLED;
    }
}
