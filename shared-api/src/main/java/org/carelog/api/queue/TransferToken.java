package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.practitioner.ServicePointId;

/** Sends a token's patient on to another service point (doctor to lab to billing): a token there follows, in the same journey. */
public record TransferToken(
        @TargetAggregateIdentifier TokenQueueId queueId, int number, ServicePointId target, String priority) {}
