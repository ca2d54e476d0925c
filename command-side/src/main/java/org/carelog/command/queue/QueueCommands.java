package org.carelog.command.queue;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.carelog.command.common.CommandSender;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Sends token queue commands, retrying those that lost a race. Within one process Axon handles the
 * commands of one queue one at a time; across processes two may decide on the same state and append
 * the same sequence number, which the event store's unique key refuses to the later commit. That
 * command is sent again: the queue is loaded afresh and decides again (the next number, the next
 * token to call), so no request is lost and no number is given twice. The idempotency claim of the
 * refused attempt rolled back with it, so the retry claims the key anew.
 */
@Component
public class QueueCommands {

    /** Enough for dozens of counters issuing into one queue at the same moment. */
    static final int MAX_ATTEMPTS = 50;

    private final CommandSender sender;
    private final AtomicLong retries = new AtomicLong();

    QueueCommands(CommandSender sender) {
        this.sender = sender;
    }

    /** How many commands were sent again after losing a race, since start. */
    public long retries() {
        return retries.get();
    }

    <R> R send(Object command, String idempotencyKey, DataFetchingEnvironment env) {
        return retrying(() -> sender.send(command, idempotencyKey, env));
    }

    <R> R sendAs(Authentication user, Object command, String idempotencyKey, String requestId) {
        return retrying(() -> sender.sendAs(user, command, idempotencyKey, requestId));
    }

    private <R> R retrying(Supplier<R> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !lostARace(e)) {
                    throw e;
                }
                retries.incrementAndGet();
                backOff(attempt);
            }
        }
    }

    private static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause, growing a little with each attempt, so the racers do not collide again in step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a queue command", e);
        }
    }
}
