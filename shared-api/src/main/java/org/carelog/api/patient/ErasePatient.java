package org.carelog.api.patient;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a patient's personal data by destroying the patient's key. {@code reference} is the number of
 * the request or order in the facility's own register (letters, digits, {@code - / .}), never a
 * description: the erasure event keeps it for good.
 */
public record ErasePatient(@TargetAggregateIdentifier PatientId patientId, ErasureBasis legalBasis, String reference) {}
