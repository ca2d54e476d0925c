package org.carelog.api.patient;

import java.util.UUID;

/** A patient's identity: a UUID, never the MRN or a national id. */
public record PatientId(UUID value) {

    public PatientId {
        if (value == null) {
            throw new IllegalArgumentException("patient id is required");
        }
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    public static PatientId of(String raw) {
        return new PatientId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
