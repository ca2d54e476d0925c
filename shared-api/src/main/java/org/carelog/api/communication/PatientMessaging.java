package org.carelog.api.communication;

import java.util.UUID;

/**
 * The communication feature's door for other features: queue one message to a patient for sending now.
 * The message becomes its own tracked record (queued, sent, delivered or failed, retried on temporary
 * failures) exactly as reminders are. Implemented by the communication feature; callers depend only on this.
 */
public interface PatientMessaging {

    /**
     * Queues the message and returns its id; the same deduplication key returns the first message's id
     * and sends nothing more. Throws {@code CarelogException} VALIDATION when the patient has no address
     * on the channel, NOT_FOUND when the patient is unknown or erased.
     */
    UUID send(PatientMessageRequest request);
}
