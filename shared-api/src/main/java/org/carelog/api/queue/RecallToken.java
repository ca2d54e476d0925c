package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Calls a called token again (announced once more); the calling order does not move. */
public record RecallToken(@TargetAggregateIdentifier TokenQueueId queueId, int number) {}
