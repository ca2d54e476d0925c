package org.carelog.api.patient;

import org.axonframework.serialization.Revision;

/** A patient was registered and given a medical record number. */
@Revision("1")
public record PatientRegistered(
        PatientId patientId,
        MedicalRecordNumber mrn,
        PatientDemographics demographics,
        PatientIdentifiers identifiers,
        PatientContact contact,
        CommunicationConsent consent,
        String duplicateOverrideReason) {}
