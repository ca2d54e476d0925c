package org.carelog.api.conversation;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One conversation's identity: a random UUID. */
public record ConversationId(UUID value) {

    public ConversationId {
        if (value == null) {
            throw new IllegalArgumentException("conversation id is required");
        }
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static ConversationId parse(String field, String raw) {
        return new ConversationId(Ids.uuid(field, raw, "conversation"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
