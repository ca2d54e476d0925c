package org.carelog.command.communication;

import java.time.Instant;
import org.carelog.api.communication.PatientMessageRequest;

/**
 * Where due reminders go: the communication pipeline (infra) that also implements
 * {@link org.carelog.api.communication.PatientMessaging}. Both calls are idempotent by deduplication key.
 */
public interface ReminderOutbox {

    /**
     * Queues the reminder unless its key was seen before. A reminder not sent by {@code expiresAt} (quiet hours,
     * a gateway outage) is dropped and recorded as expired.
     */
    void queue(PatientMessageRequest reminder, Instant expiresAt);

    /** Withdraws the reminder if it is still waiting to be sent (the appointment was cancelled meanwhile). */
    void withdraw(String deduplicationKey);
}
