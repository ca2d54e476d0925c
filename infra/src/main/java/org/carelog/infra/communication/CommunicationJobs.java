package org.carelog.infra.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The periodic work of communication on every node: "your turn is near" checks and, with a status URL, asking the
 * gateway about SMS sent in the last two days and not yet reported delivered. Several nodes doing it at once is
 * harmless (keys and conditional updates).
 */
class CommunicationJobs {

    private static final Logger log = LoggerFactory.getLogger(CommunicationJobs.class);
    private static final Duration POLL_WINDOW = Duration.ofDays(2);

    private final TurnNearWatcher turnNear;
    private final SmsGateway sms;
    private final MessageStore store;
    private final Clock clock;

    CommunicationJobs(TurnNearWatcher turnNear, SmsGateway sms, MessageStore store, Clock clock) {
        this.turnNear = turnNear;
        this.sms = sms;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${carelog.communication.reminders.turn-near-check-interval:PT15S}",
            fixedDelayString = "${carelog.communication.reminders.turn-near-check-interval:PT15S}")
    void turnNear() {
        turnNear.checkQuietly();
    }

    @Scheduled(
            initialDelayString = "${carelog.communication.sms.delivery-poll-interval:PT5M}",
            fixedDelayString = "${carelog.communication.sms.delivery-poll-interval:PT5M}")
    void pollDeliveries() {
        if (!sms.answersStatus()) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (UUID id : store.undelivered(now.minus(POLL_WINDOW), 200)) {
                sms.status(id.toString()).ifPresent(status -> {
                    switch (status.delivery()) {
                        case DELIVERED -> store.delivery(id, true, status.answer(), clock.instant());
                        case FAILED -> store.delivery(id, false, status.answer(), clock.instant());
                        default -> {}
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Polling SMS deliveries failed: {}", e.toString());
        }
    }
}
