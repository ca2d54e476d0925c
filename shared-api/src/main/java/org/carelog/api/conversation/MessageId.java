package org.carelog.api.conversation;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One message's identity: a random UUID. */
public record MessageId(UUID value) {

    public MessageId {
        if (value == null) {
            throw new IllegalArgumentException("message id is required");
        }
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static MessageId parse(String field, String raw) {
        return new MessageId(Ids.uuid(field, raw, "message"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
