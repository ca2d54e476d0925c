package org.carelog.api.patient;

/** An existing patient who may be the same person as the one being registered, and why. */
public record DuplicateCandidate(String patientId, String mrn, String name, String reason) {}
