package org.carelog.api.telemedicine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.carelog.api.common.Ids;

/**
 * One virtual consultation. Derived from the appointment it was booked as (a name-based UUID of {@code
 * consultation:<appointment id>}), so a redelivered booking finds the same consultation; a rescheduled appointment
 * keeps its consultation (and id).
 */
public record ConsultationId(UUID value) {

    public ConsultationId {
        if (value == null) {
            throw new IllegalArgumentException("consultation id is required");
        }
    }

    public static ConsultationId forAppointment(UUID appointmentId) {
        return new ConsultationId(
                UUID.nameUUIDFromBytes(("consultation:" + appointmentId).getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static ConsultationId parse(String field, String raw) {
        return new ConsultationId(Ids.uuid(field, raw, "consultation"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
