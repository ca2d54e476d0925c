package org.carelog.api.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels an order that has no result yet, with a reason. */
public record CancelLabOrder(@TargetAggregateIdentifier LabOrderId orderId, String reason) {}
