package org.carelog.api.prescription;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One prescription: a UUID chosen when it is written. The prescription aggregate's identity. */
public record PrescriptionId(UUID value) {

    public PrescriptionId {
        if (value == null) {
            throw new IllegalArgumentException("prescription id is required");
        }
    }

    public static PrescriptionId random() {
        return new PrescriptionId(UUID.randomUUID());
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static PrescriptionId parse(String field, String raw) {
        return new PrescriptionId(Ids.uuid(field, raw, "prescription"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
