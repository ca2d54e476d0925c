package org.carelog.api.practitioner;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** A department's identity: a UUID, never its code (codes are for people). */
public record DepartmentId(UUID value) {

    public DepartmentId {
        if (value == null) {
            throw new IllegalArgumentException("department id is required");
        }
    }

    public static DepartmentId random() {
        return new DepartmentId(UUID.randomUUID());
    }

    public static DepartmentId of(String raw) {
        return new DepartmentId(UUID.fromString(raw));
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static DepartmentId parse(String field, String raw) {
        return new DepartmentId(Ids.uuid(field, raw, "department"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
