package org.carelog.api.common;

/** Stable error codes: clients branch on these, never on message text. */
public enum ErrorCode {
    VALIDATION,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    UNAUTHENTICATED,
    INTERNAL,
    /** A system Carelog calls (such as a DHIS2 server) failed, did not answer in time or could not be reached. */
    UNAVAILABLE,
    /** A prescribed medicine matches an active allergy of the patient; the prescriber may override with a reason. */
    ALLERGY_CONFLICT
}
