package org.carelog.api.clinical;

/** Active diagnoses are the patient's active problems; resolved and retracted ones stay in the record. */
public enum DiagnosisStatus {
    ACTIVE,
    RESOLVED,
    /** Recorded in error. */
    RETRACTED
}
