package org.carelog.api.queue;

import org.axonframework.serialization.Revision;

/** A token's patient was served. */
@Revision("1")
public record TokenServiceFinished(TokenQueueId queueId, int number) implements QueueEvent {}
