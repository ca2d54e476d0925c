package org.carelog.api.clinical;

/** An event of one encounter (the aggregate); read models of encounters key their rows by it. */
public interface EncounterEvent extends PatientRecordEvent {

    EncounterId encounterId();
}
