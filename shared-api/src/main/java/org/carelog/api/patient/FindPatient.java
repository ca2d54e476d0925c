package org.carelog.api.patient;

/** Finds one patient in the directory by id. */
public record FindPatient(PatientId patientId) {}
