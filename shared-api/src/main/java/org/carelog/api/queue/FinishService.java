package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient of a token is served. */
public record FinishService(@TargetAggregateIdentifier TokenQueueId queueId, int number) {}
