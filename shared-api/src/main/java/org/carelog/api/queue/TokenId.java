package org.carelog.api.queue;

import org.carelog.api.common.CarelogException;

/**
 * One token: its queue and its number there. Its text form {@code <service point id>:<yyyy-mm-dd>:<number>}
 * is what clients send back, so a staff action finds its queue without a lookup.
 */
public record TokenId(TokenQueueId queueId, int number) {

    public TokenId {
        if (queueId == null || number < 1) {
            throw new IllegalArgumentException("a token is a queue and a number from 1");
        }
    }

    /** Reads the text form; VALIDATION on {@code field} when it is not one. */
    public static TokenId parse(String field, String raw) {
        int colon = raw == null ? -1 : raw.lastIndexOf(':');
        if (colon < 0) {
            throw CarelogException.validation(field, "is not a token id");
        }
        TokenQueueId queue = TokenQueueId.parse(field, raw.substring(0, colon));
        try {
            int number = Integer.parseInt(raw.substring(colon + 1));
            if (number < 1) {
                throw CarelogException.validation(field, "is not a token id");
            }
            return new TokenId(queue, number);
        } catch (NumberFormatException e) {
            throw CarelogException.validation(field, "is not a token id");
        }
    }

    /** The number people read and hear: the service point's code and at least three digits, {@code MED1-042}. */
    public static String label(String servicePointCode, int number) {
        return servicePointCode + "-" + String.format("%03d", number);
    }

    @Override
    public String toString() {
        return queueId + ":" + number;
    }
}
