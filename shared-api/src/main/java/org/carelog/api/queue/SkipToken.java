package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Skips a called token whose patient is not there: they come back in line after the configured number of further calls. */
public record SkipToken(@TargetAggregateIdentifier TokenQueueId queueId, int number) {}
