package org.carelog.api.queue;

import java.time.Instant;
import java.util.List;

/**
 * A waiting-room display's content: the tokens being called or served (latest call first) with their
 * counter or room, and the next tokens in line. Numbers and rooms only, never names.
 */
public record QueueBoard(
        TokenQueueId queueId,
        String code,
        String nameEn,
        String nameBn,
        List<BoardToken> nowServing,
        List<BoardToken> next,
        Instant updatedAt) {

    /** One token on the board. */
    public record BoardToken(String label, int number, TokenStatus status, String counter) {}
}
