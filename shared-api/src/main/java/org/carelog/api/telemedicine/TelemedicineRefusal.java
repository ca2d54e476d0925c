package org.carelog.api.telemedicine;

/**
 * Why a join (or another consultation command) was refused: the {@code reason} extension of the error, stable for
 * clients, beside the error's code (CONFLICT, FORBIDDEN or NOT_FOUND).
 */
public enum TelemedicineRefusal {
    /** Too early: the window opens later (extension {@code opensAt}). */
    JOIN_WINDOW_NOT_OPEN,
    /** Too late: the window has closed. */
    JOIN_WINDOW_CLOSED,
    /** The patient has not consented to telemedicine yet. */
    CONSENT_REQUIRED,
    /** The link is of an earlier version (the appointment was rescheduled): a newer one was sent. */
    LINK_REPLACED,
    /** The consultation was cancelled. */
    CONSULTATION_CANCELLED,
    /** The consultation is over (completed or missed). */
    CONSULTATION_ENDED,
    /** The sender is not the clinician of this consultation, or no caregiver was named. */
    NOT_A_PARTICIPANT
}
