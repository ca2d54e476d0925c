package org.carelog.api.patient;

import org.axonframework.serialization.Revision;

/** The patient gave or withdrew consent to SMS or e-mail. */
@Revision("1")
public record CommunicationConsentChanged(PatientId patientId, CommunicationConsent consent) {}
