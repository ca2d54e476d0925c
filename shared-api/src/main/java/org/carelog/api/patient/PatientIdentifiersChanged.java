package org.carelog.api.patient;

import org.axonframework.serialization.Revision;

/** The patient's national id or birth registration number was recorded or corrected. */
@Revision("1")
public record PatientIdentifiersChanged(PatientId patientId, PatientIdentifiers identifiers) {}
