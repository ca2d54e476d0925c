package org.carelog.api.scheduling;

import java.time.Instant;
import java.util.Set;

/** A slot with places still free for booked appointments. */
public record AvailableSlot(
        String practitionerId,
        String servicePointId,
        Instant start,
        Instant end,
        int capacity,
        int freePlaces,
        Set<AppointmentType> types) {}
