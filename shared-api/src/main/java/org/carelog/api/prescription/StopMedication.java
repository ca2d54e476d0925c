package org.carelog.api.prescription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops one medicine (by its position in the prescription, from 0) before its course ends, for a reason. */
public record StopMedication(@TargetAggregateIdentifier PrescriptionId prescriptionId, int item, String reason) {}
