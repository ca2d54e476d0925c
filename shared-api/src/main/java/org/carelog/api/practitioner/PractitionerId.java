package org.carelog.api.practitioner;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** A practitioner's identity: a UUID, never the BMDC number. */
public record PractitionerId(UUID value) {

    public PractitionerId {
        if (value == null) {
            throw new IllegalArgumentException("practitioner id is required");
        }
    }

    public static PractitionerId random() {
        return new PractitionerId(UUID.randomUUID());
    }

    public static PractitionerId of(String raw) {
        return new PractitionerId(UUID.fromString(raw));
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static PractitionerId parse(String field, String raw) {
        return new PractitionerId(Ids.uuid(field, raw, "practitioner"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
