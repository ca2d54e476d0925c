package org.carelog.api.queue;

import org.axonframework.serialization.Revision;

/** A token's patient did not come. */
@Revision("1")
public record TokenMarkedNoShow(TokenQueueId queueId, int number) implements QueueEvent {}
