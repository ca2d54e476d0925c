package org.carelog.api.queue;

import org.axonframework.serialization.Revision;
import org.carelog.api.practitioner.ServicePointId;

/** A token's patient was sent on to another service point; a token there follows in the same journey. */
@Revision("1")
public record TokenTransferred(TokenQueueId queueId, int number, ServicePointId target, String priority) {}
