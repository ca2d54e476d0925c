package org.carelog.api.queue;

import org.axonframework.serialization.Revision;

/** A token was called to a counter or room (null: the service point itself), and why the calling order chose it. */
@Revision("1")
public record TokenCalled(TokenQueueId queueId, int number, CallReason reason, String counter) implements QueueEvent {}
