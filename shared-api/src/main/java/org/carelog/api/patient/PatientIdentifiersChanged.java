package org.carelog.api.patient;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;

/** The patient's national id or birth registration number was recorded or corrected. */
@Revision("1")
public record PatientIdentifiersChanged(@DataSubject PatientId patientId, @PersonalData PatientIdentifiers identifiers)
        implements PatientRecordEvent {}
