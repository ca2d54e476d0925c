package org.carelog.command.common;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;

/**
 * Sends commands to aggregates that several Carelog processes write at once (a day schedule, a token
 * queue), re-deciding those that lost a race. Within one process Axon handles one aggregate's commands
 * one at a time; across processes two may decide on the same state and append the same sequence number,
 * which the event store's unique key refuses to the later commit. Its whole transaction rolled back (the
 * idempotency claim with it), so the command is sent again: the aggregate is loaded afresh with the
 * winner's events and decides again. Bounded, with a short random pause so racers do not collide in
 * step, and counted for the metrics.
 */
public abstract class RaceRetryingSender {

    private final CommandSender sender;
    private final int maxAttempts;
    private final AtomicLong retries = new AtomicLong();

    protected RaceRetryingSender(CommandSender sender, int maxAttempts) {
        this.sender = sender;
        this.maxAttempts = maxAttempts;
    }

    public <R> R send(Object command, String idempotencyKey, DataFetchingEnvironment env) {
        return retrying(() -> sender.send(command, idempotencyKey, env));
    }

    public <R> R sendAs(Authentication user, Object command, String idempotencyKey, String requestId) {
        return retrying(() -> sender.sendAs(user, command, idempotencyKey, requestId));
    }

    /** How many commands were sent again after losing a race, since start. */
    public long retries() {
        return retries.get();
    }

    private <R> R retrying(Supplier<R> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !lostARace(e)) {
                    throw e;
                }
                retries.incrementAndGet();
                backOff(attempt);
            }
        }
    }

    static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException
                    || t instanceof AggregateStreamCreationException
                    || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-sending a command", e);
        }
    }
}
