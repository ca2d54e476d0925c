package org.carelog.api.conversation;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One attachment's identity: a random UUID. */
public record AttachmentId(UUID value) {

    public AttachmentId {
        if (value == null) {
            throw new IllegalArgumentException("attachment id is required");
        }
    }

    public static AttachmentId random() {
        return new AttachmentId(UUID.randomUUID());
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static AttachmentId parse(String field, String raw) {
        return new AttachmentId(Ids.uuid(field, raw, "attachment"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
