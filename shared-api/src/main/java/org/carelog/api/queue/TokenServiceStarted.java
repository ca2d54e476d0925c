package org.carelog.api.queue;

import org.axonframework.serialization.Revision;

/** A token's patient is being served. */
@Revision("1")
public record TokenServiceStarted(TokenQueueId queueId, int number) implements QueueEvent {}
