package org.carelog.infra.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.carelog.api.communication.MessageChannel;
import org.carelog.api.communication.QuietHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends queued messages: workers claim due messages (SENDING, committed before the gateway is called), send each
 * and record the answer: SENT with the gateway's id, QUEUED again with exponential back-off after a temporary
 * failure (5xx, timeout, no connection), FAILED when refused or after the last attempt. A message claimed by a
 * process that stopped before recording the answer is reconciled by asking the gateway for it by our reference:
 * known there means sent, unknown means it never arrived and is queued again. Without a status URL, or for
 * e-mail (SMTP cannot be asked), it is recorded FAILED ("outcome unknown"), never sent twice: at most once.
 */
final class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MessageStore store;
    private final MessageContents contents;
    private final SmsGateway sms;
    private final MailChannel mail;
    private final CommunicationProperties.Dispatch config;
    private final QuietHours quietHours;
    private final Clock clock;
    private final Object signal = new Object();
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong sentCount = new AtomicLong();
    private final AtomicInteger wakeups = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService workers;
    private ScheduledExecutorService housekeeping;

    Dispatcher(
            MessageStore store,
            MessageContents contents,
            SmsGateway sms,
            MailChannel mail,
            CommunicationProperties.Dispatch config,
            QuietHours quietHours,
            Clock clock) {
        this.store = store;
        this.contents = contents;
        this.sms = sms;
        this.mail = mail;
        this.config = config;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /** Messages accepted by a gateway or mail server since start. */
    long sent() {
        return sentCount.get();
    }

    /** Tells idle workers there is something to send. */
    void wake() {
        synchronized (signal) {
            wakeups.incrementAndGet();
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        if (!config.enabled()) {
            log.info("Sending of patient messages is switched off (carelog.communication.dispatch.enabled)");
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "message-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < config.workers(); i++) {
            workers.submit(this::work);
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "message-reconciliation");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1_000, config.sendingLease().toMillis() / 4);
        housekeeping.scheduleWithFixedDelay(this::reconcileQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (workers != null) {
            workers.shutdown();
            housekeeping.shutdownNow();
            try {
                if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server and the event processors (they may queue messages); stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work() {
        while (running) {
            int seen = wakeups.get();
            int handled = 0;
            try {
                handled = sendDue();
            } catch (RuntimeException e) {
                log.warn("Sending patient messages failed; trying again shortly: {}", e.toString());
            }
            if (handled == 0) {
                synchronized (signal) {
                    if (running && wakeups.get() == seen) {
                        try {
                            signal.wait(config.pollInterval().toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    /** Claims and sends one batch of due messages; how many were claimed. */
    int sendDue() {
        List<MessageStore.Claimed> batch = store.claim(clock.instant(), config.batchSize());
        for (MessageStore.Claimed message : batch) {
            inFlight.add(message.messageId());
            try {
                deliver(message);
            } catch (RuntimeException e) {
                // Left SENDING: reconciliation asks the gateway once the lease has passed.
                log.warn("Message {} could not be sent or recorded: {}", message.messageId(), e.toString());
            } finally {
                inFlight.remove(message.messageId());
            }
        }
        return batch.size();
    }

    private void deliver(MessageStore.Claimed message) {
        Instant now = clock.instant();
        if (message.expiresAt() != null && !now.isBefore(message.expiresAt())) {
            store.expired(message.messageId(), now);
            return;
        }
        MessageContents.Outgoing outgoing = contents.open(message.content(), MessageContents.Outgoing.class);
        if (outgoing == null || outgoing.address() == null || outgoing.text() == null) {
            store.failed(message.messageId(), "no content: the patient was erased", now);
            return;
        }
        if (message.channel() == MessageChannel.SMS && message.attempts() > 1 && sms.answersStatus()) {
            // An earlier attempt may have reached the gateway although its answer did not reach us (a timeout):
            // ask for it by our reference before sending again.
            var status = sms.status(message.messageId().toString());
            if (status.isEmpty()) {
                record(message, new SmsGateway.Temporary("gateway status unavailable; not sent again yet"));
                return;
            }
            if (status.get().delivery() != SmsGateway.Delivery.UNKNOWN) {
                settle(message, status.get(), clock.instant());
                return;
            }
        }
        SmsGateway.Outcome outcome = message.channel() == MessageChannel.SMS
                ? sms.send(
                        message.messageId().toString(),
                        outgoing.address(),
                        outgoing.text(),
                        SmsSegments.of(outgoing.text()))
                : mail.send(
                        message.messageId().toString(),
                        outgoing.address(),
                        outgoing.subject(),
                        outgoing.text(),
                        outgoing.html());
        record(message, outcome);
    }

    private void record(MessageStore.Claimed message, SmsGateway.Outcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof SmsGateway.Accepted accepted) {
            if (store.sent(message.messageId(), accepted.gatewayMessageId(), accepted.answer(), now)) {
                sentCount.incrementAndGet();
            }
        } else if (outcome instanceof SmsGateway.Temporary temporary) {
            if (message.attempts() >= config.maxAttempts()) {
                store.failed(
                        message.messageId(),
                        "gave up after " + message.attempts() + " attempts: " + temporary.answer(),
                        now);
            } else {
                Instant next = now.plus(backoff(message.attempts()));
                if (message.channel() == MessageChannel.SMS && !message.kind().requested()) {
                    next = quietHours.nextAllowed(next);
                }
                store.retry(message.messageId(), next, temporary.answer(), now);
            }
        } else {
            store.failed(message.messageId(), outcome.answer(), now);
        }
    }

    /** Records what the gateway knows of a message it received. */
    private void settle(MessageStore.Claimed message, SmsGateway.Status status, Instant now) {
        switch (status.delivery()) {
            case DELIVERED -> {
                if (store.sent(message.messageId(), status.gatewayMessageId(), status.answer(), now)) {
                    sentCount.incrementAndGet();
                }
                store.delivery(message.messageId(), true, status.answer(), now);
            }
            case FAILED -> store.failed(message.messageId(), status.answer(), now);
            default -> {
                if (store.sent(message.messageId(), status.gatewayMessageId(), status.answer(), now)) {
                    sentCount.incrementAndGet();
                }
            }
        }
    }

    /** initial × 2^(attempts − 1), at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Reconciling interrupted messages failed; trying again later: {}", e.toString());
        }
    }

    /** Settles messages left SENDING by a process that stopped (or a worker that failed) past the lease. */
    int reconcile() {
        int settled = 0;
        for (MessageStore.Claimed message : store.staleSending(config.sendingLease())) {
            if (inFlight.contains(message.messageId())) {
                continue;
            }
            Instant now = clock.instant();
            if (message.channel() == MessageChannel.SMS && sms.answersStatus()) {
                var status = sms.status(message.messageId().toString());
                if (status.isEmpty()) {
                    continue; // the gateway cannot say now: ask again later
                }
                if (status.get().delivery() == SmsGateway.Delivery.UNKNOWN) {
                    store.requeue(message.messageId(), now);
                } else {
                    settle(message, status.get(), now);
                }
            } else {
                store.failed(message.messageId(), "outcome unknown: sending was interrupted; not repeated", now);
            }
            settled++;
        }
        return settled;
    }
}
