package org.carelog.api.patient;

import java.util.UUID;
import org.carelog.api.common.Ids;

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

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static PatientId parse(String field, String raw) {
        return new PatientId(Ids.uuid(field, raw, "patient"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
