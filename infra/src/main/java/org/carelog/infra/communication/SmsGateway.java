package org.carelog.infra.communication;

import java.util.Optional;

/** An SMS aggregator: one request per message, our reference with it, its message id back. */
interface SmsGateway {

    /** The gateway's answer to one message. */
    sealed interface Outcome {
        String answer();
    }

    /** Accepted: the gateway will deliver it. */
    record Accepted(String gatewayMessageId, String answer) implements Outcome {}

    /** Worth trying again later: a 5xx answer, a timeout, no connection. */
    record Temporary(String answer) implements Outcome {}

    /** Refused for good (a 4xx answer, a refusal in the answer, no gateway configured). */
    record Permanent(String answer) implements Outcome {}

    /** Where a message is, by our reference. */
    enum Delivery {
        /** The gateway never received it. */
        UNKNOWN,
        ACCEPTED,
        DELIVERED,
        FAILED
    }

    record Status(Delivery delivery, String gatewayMessageId, String answer) {}

    Outcome send(String reference, String e164Phone, String text, SmsSegments.Count count);

    /** True when {@link #status} can be asked (a status URL is configured). */
    boolean answersStatus();

    /** The message's status by our reference; empty when the gateway cannot say (no status URL, unreachable). */
    Optional<Status> status(String reference);
}
