package org.carelog.api.clinical;

/** The sections of an encounter's clinical notes. */
public enum NoteSection {
    CHIEF_COMPLAINT,
    HISTORY,
    EXAMINATION,
    ASSESSMENT,
    PLAN
}
