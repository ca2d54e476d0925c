package org.carelog.command.scheduling;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.carelog.command.common.CommandSender;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Sends day schedule commands with a bounded retry: when another process appended to the same day at
 * the same moment, the event store's unique (aggregate, sequence) key refuses the loser's append and
 * its whole transaction rolls back. Sending again re-loads the day with the winner's events and decides
 * again: the loser then gets a real answer (booked in a place still free, or CONFLICT with
 * alternatives). Retries are counted for the benchmark and the metrics.
 */
@Component
public class ScheduleCommands {

    static final int MAX_ATTEMPTS = 8;

    /** Who sends the commands that no person sends (reviews after availability changes, no-shows). */
    public static final Authentication SCHEDULER = new UsernamePasswordAuthenticationToken(
            "carelog-scheduler", null, List.of(new SimpleGrantedAuthority("ROLE_SYSTEM")));

    private final CommandSender sender;
    private final AtomicLong retries = new AtomicLong();

    ScheduleCommands(CommandSender sender) {
        this.sender = sender;
    }

    public <R> R send(Object command, String idempotencyKey, DataFetchingEnvironment env) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sender.send(command, idempotencyKey, env);
            } catch (RuntimeException e) {
                retryOrThrow(e, attempt);
            }
        }
    }

    public <R> R sendAs(Authentication user, Object command, String idempotencyKey, String requestId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sender.sendAs(user, command, idempotencyKey, requestId);
            } catch (RuntimeException e) {
                retryOrThrow(e, attempt);
            }
        }
    }

    /** Commands sent again because another transaction appended to the same day first. */
    public long retries() {
        return retries.get();
    }

    private void retryOrThrow(RuntimeException e, int attempt) {
        if (attempt >= MAX_ATTEMPTS || !concurrentAppend(e)) {
            throw e;
        }
        retries.incrementAndGet();
    }

    static boolean concurrentAppend(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException
                    || t instanceof AggregateStreamCreationException
                    || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
