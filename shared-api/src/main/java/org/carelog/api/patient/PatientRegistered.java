package org.carelog.api.patient;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;

/**
 * A patient was registered and given a medical record number. Who the patient is, how to reach them
 * and the clerk's free-text reason are personal data, encrypted with the patient's key; the MRN (the
 * record's pseudonymous key) and the consent flags stay in clear.
 */
@Revision("1")
public record PatientRegistered(
        @DataSubject PatientId patientId,
        MedicalRecordNumber mrn,
        @PersonalData PatientDemographics demographics,
        @PersonalData PatientIdentifiers identifiers,
        @PersonalData PatientContact contact,
        CommunicationConsent consent,
        @PersonalData String duplicateOverrideReason)
        implements PatientRecordEvent {}
