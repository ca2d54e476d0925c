package org.carelog.api.practitioner;

import java.util.UUID;

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

    @Override
    public String toString() {
        return value.toString();
    }
}
