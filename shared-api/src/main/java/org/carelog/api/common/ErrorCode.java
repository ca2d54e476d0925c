package org.carelog.api.common;

/** Stable error codes: clients branch on these, never on message text. */
public enum ErrorCode {
    VALIDATION,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    UNAUTHENTICATED,
    INTERNAL,
    /** A prescribed medicine matches an active allergy of the patient; the prescriber may override with a reason. */
    ALLERGY_CONFLICT
}
