package org.carelog.api.prescription;

/** One prescription by id; answers a {@link PrescriptionSummary} or null. */
public record FindPrescription(PrescriptionId prescriptionId) {}
