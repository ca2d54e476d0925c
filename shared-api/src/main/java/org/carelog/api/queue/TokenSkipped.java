package org.carelog.api.queue;

import org.axonframework.serialization.Revision;

/** A called token was skipped: it is back in line after {@code returnsAfterCalls} further calls. */
@Revision("1")
public record TokenSkipped(TokenQueueId queueId, int number, int returnsAfterCalls) implements QueueEvent {}
