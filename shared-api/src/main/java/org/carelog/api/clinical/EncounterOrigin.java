package org.carelog.api.clinical;

/** How an encounter was opened: from a checked-in appointment, from a called token, or directly. */
public enum EncounterOrigin {
    APPOINTMENT,
    TOKEN,
    DIRECT
}
