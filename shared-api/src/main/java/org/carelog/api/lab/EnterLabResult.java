package org.carelog.api.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enters the result of a collected lab order (or of an imaging study): it awaits verification by someone else. */
public record EnterLabResult(@TargetAggregateIdentifier LabOrderId orderId, LabResult result) {}
