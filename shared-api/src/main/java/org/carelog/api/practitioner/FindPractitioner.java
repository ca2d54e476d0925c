package org.carelog.api.practitioner;

/** Finds one practitioner in the directory by id. */
public record FindPractitioner(PractitionerId practitionerId) {}
