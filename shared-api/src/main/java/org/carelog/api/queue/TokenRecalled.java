package org.carelog.api.queue;

import org.axonframework.serialization.Revision;

/** A called token was called again. */
@Revision("1")
public record TokenRecalled(TokenQueueId queueId, int number) implements QueueEvent {}
