package org.carelog.api.patient;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.PatientRecordEvent;

/**
 * The patient's personal data was erased: their key was destroyed, so every earlier event still loads
 * but without the encrypted parts. Carries no personal data itself: the legal basis as a code, and the
 * reference of the request in the facility's register.
 */
@Revision("1")
public record PatientErased(PatientId patientId, ErasureBasis legalBasis, String reference)
        implements PatientRecordEvent {}
