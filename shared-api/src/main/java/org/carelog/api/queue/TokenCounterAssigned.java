package org.carelog.api.queue;

import org.axonframework.serialization.Revision;

/** A called or serving token was sent to another counter or room. */
@Revision("1")
public record TokenCounterAssigned(TokenQueueId queueId, int number, String counter) implements QueueEvent {}
