package org.carelog.api.clinical;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** The attending clinician signed the encounter: it is closed, and its entries change only by amendment. */
@Revision("1")
public record EncounterSigned(@DataSubject PatientId patientId, EncounterId encounterId, PractitionerId signedBy)
        implements EncounterEvent {}
