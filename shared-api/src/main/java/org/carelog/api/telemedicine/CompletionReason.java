package org.carelog.api.telemedicine;

/** Why a virtual consultation is complete. */
public enum CompletionReason {
    ENCOUNTER_SIGNED,
    ENDED_BY_CLINICIAN
}
