package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Calls the next token in the calling order to a counter or room (null: the service point itself). Answers {@link CalledToken}, or null when nobody is waiting. */
public record CallNextToken(@TargetAggregateIdentifier TokenQueueId queueId, String counter) {}
