package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks a called or skipped token as a no-show: out of the line for good. */
public record MarkTokenNoShow(@TargetAggregateIdentifier TokenQueueId queueId, int number) {}
