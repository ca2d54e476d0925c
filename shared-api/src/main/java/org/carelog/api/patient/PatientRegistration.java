package org.carelog.api.patient;

/** The result of registering (or updating) a patient: the id and the medical record number. */
public record PatientRegistration(PatientId patientId, MedicalRecordNumber mrn) {}
