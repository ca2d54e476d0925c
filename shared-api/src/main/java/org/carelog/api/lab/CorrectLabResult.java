package org.carelog.api.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a verified result: a new version with a reason, verified again; the earlier version stays readable. */
public record CorrectLabResult(@TargetAggregateIdentifier LabOrderId orderId, LabResult result, String reason) {}
