package org.carelog.api.conversation;

/** Which side of a conversation wrote a message or read it: the patient, or the care team's clinicians. */
public enum Author {
    PATIENT,
    CARE_TEAM
}
