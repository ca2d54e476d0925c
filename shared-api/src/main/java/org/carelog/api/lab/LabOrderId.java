package org.carelog.api.lab;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One lab or imaging order: a UUID chosen by the client that orders it (so a retried order is one order). */
public record LabOrderId(UUID value) {

    public LabOrderId {
        if (value == null) {
            throw new IllegalArgumentException("lab order id is required");
        }
    }

    public static LabOrderId random() {
        return new LabOrderId(UUID.randomUUID());
    }

    public static LabOrderId of(String raw) {
        return new LabOrderId(UUID.fromString(raw));
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static LabOrderId parse(String field, String raw) {
        return new LabOrderId(Ids.uuid(field, raw, "lab order"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
