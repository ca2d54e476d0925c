package org.carelog.api.billing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/** Sets the price of a lab test, imaging study, procedure, service or pharmacy item from an instant on. */
public record SetPrice(@TargetAggregateIdentifier PriceKey key, String name, Money amount, Instant effectiveFrom) {}
