package org.carelog.api.clinical;

/** An encounter is open until its attending clinician signs it; after that only amendments are possible. */
public enum EncounterStatus {
    OPEN,
    SIGNED
}
