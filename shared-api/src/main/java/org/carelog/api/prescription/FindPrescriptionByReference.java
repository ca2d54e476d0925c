package org.carelog.api.prescription;

/** The prescription a printed QR code's verification reference names; answers {@link PrescriptionSummary} or null. */
public record FindPrescriptionByReference(String verificationReference) {}
