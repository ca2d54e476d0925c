package org.carelog.api.queue;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.ServicePointId;

/**
 * A token's patient was sent on to another service point, to be queued there in the given priority
 * category (or none); a token there follows, for the same patient id, in the same journey.
 */
@Revision("1")
public record TokenTransferred(
        TokenQueueId queueId, int number, ServicePointId target, String priority, PatientId patientId, UUID journeyId)
        implements QueueEvent {}
