package org.carelog.command.clinical;

import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** What the command side knows of an encounter without loading it: whose it is, who attends, whether it is open. */
public record EncounterFacts(
        EncounterId encounterId, PatientId patientId, PractitionerId attending, EncounterStatus status) {

    public boolean open() {
        return status == EncounterStatus.OPEN;
    }

    /** Whether the encounter is open and is the patient's: what a prescription or a lab order needs. */
    public boolean openFor(PatientId patient) {
        return open() && patientId.equals(patient);
    }
}
