package org.carelog.api.clinical;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One encounter (visit): a UUID chosen when it opens. Prescriptions and lab orders name the encounter they came from. */
public record EncounterId(UUID value) {

    public EncounterId {
        if (value == null) {
            throw new IllegalArgumentException("encounter id is required");
        }
    }

    public static EncounterId random() {
        return new EncounterId(UUID.randomUUID());
    }

    public static EncounterId of(String raw) {
        return new EncounterId(UUID.fromString(raw));
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static EncounterId parse(String field, String raw) {
        return new EncounterId(Ids.uuid(field, raw, "encounter"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
