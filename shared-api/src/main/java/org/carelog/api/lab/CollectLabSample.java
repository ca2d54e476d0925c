package org.carelog.api.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sample of a lab order was taken; {@code specimen} says what (blood, urine...) and any label number. */
public record CollectLabSample(@TargetAggregateIdentifier LabOrderId orderId, String specimen) {}
