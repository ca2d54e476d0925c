package org.carelog.api.patient;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.PatientRecordEvent;

/** The patient gave or withdrew consent to SMS or e-mail. */
@Revision("1")
public record CommunicationConsentChanged(PatientId patientId, CommunicationConsent consent)
        implements PatientRecordEvent {}
