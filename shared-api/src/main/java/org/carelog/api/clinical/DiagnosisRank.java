package org.carelog.api.clinical;

/** An encounter has exactly one primary diagnosis (before it is signed) and any number of secondary ones. */
public enum DiagnosisRank {
    PRIMARY,
    SECONDARY
}
