package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a called or serving token to another counter or room. */
public record AssignTokenCounter(@TargetAggregateIdentifier TokenQueueId queueId, int number, String counter) {}
