package org.carelog.api.scheduling;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** An appointment's identity: a UUID, never a slot time. */
public record AppointmentId(UUID value) {

    public AppointmentId {
        if (value == null) {
            throw new IllegalArgumentException("appointment id is required");
        }
    }

    public static AppointmentId random() {
        return new AppointmentId(UUID.randomUUID());
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static AppointmentId parse(String field, String raw) {
        return new AppointmentId(Ids.uuid(field, raw, "appointment"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
