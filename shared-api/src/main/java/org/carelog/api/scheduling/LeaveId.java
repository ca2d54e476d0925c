package org.carelog.api.scheduling;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One period of a practitioner's leave, so that it can be cancelled by itself. */
public record LeaveId(UUID value) {

    public LeaveId {
        if (value == null) {
            throw new IllegalArgumentException("leave id is required");
        }
    }

    public static LeaveId random() {
        return new LeaveId(UUID.randomUUID());
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static LeaveId parse(String field, String raw) {
        return new LeaveId(Ids.uuid(field, raw, "leave"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
