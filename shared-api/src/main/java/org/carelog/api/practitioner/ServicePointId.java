package org.carelog.api.practitioner;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** A service point's identity: a UUID, never its code. */
public record ServicePointId(UUID value) {

    public ServicePointId {
        if (value == null) {
            throw new IllegalArgumentException("service point id is required");
        }
    }

    public static ServicePointId random() {
        return new ServicePointId(UUID.randomUUID());
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static ServicePointId parse(String field, String raw) {
        return new ServicePointId(Ids.uuid(field, raw, "service point"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
