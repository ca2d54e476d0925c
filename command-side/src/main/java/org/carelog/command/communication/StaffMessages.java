package org.carelog.command.communication;

import java.util.UUID;

/** What staff may do with a patient's messages (implemented by the communication pipeline in infra). */
public interface StaffMessages {

    /**
     * Queues a failed message again as a new message and returns its id; the same {@code requestKey} returns the
     * same new message. NOT_FOUND for an unknown message; CONFLICT when it did not fail, or holds a one-time
     * secret (which is never kept for a resend).
     */
    UUID resend(UUID messageId, String requestKey, String username);
}
