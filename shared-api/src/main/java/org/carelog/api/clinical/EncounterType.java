package org.carelog.api.clinical;

/** What kind of visit an encounter is. */
public enum EncounterType {
    OUTPATIENT,
    EMERGENCY,
    VIRTUAL,
    FOLLOW_UP
}
