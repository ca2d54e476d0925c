package org.carelog.api.communication;

/** Where a message to a patient stands. */
public enum MessageStatus {
    /** Waiting to be sent (now, after quiet hours, or after a temporary failure). */
    QUEUED,
    /** Handed to the gateway or mail server; the answer is not recorded yet. */
    SENDING,
    /** Accepted by the gateway or mail server. */
    SENT,
    /** The gateway reported delivery to the phone. */
    DELIVERED,
    /** Refused, undeliverable, or still failing after every retry: staff may resend it. */
    FAILED,
    /** Decided not to send (see the decision): no consent, no address, unknown patient. */
    SKIPPED,
    /** Withdrawn before sending: the appointment was cancelled, moved or attended meanwhile. */
    WITHDRAWN,
    /** Not sent in time to be useful (quiet hours or an outage lasted past the appointment). */
    EXPIRED
}
