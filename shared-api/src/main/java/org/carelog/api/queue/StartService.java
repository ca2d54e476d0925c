package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient of a called token is being served. */
public record StartService(@TargetAggregateIdentifier TokenQueueId queueId, int number) {}
