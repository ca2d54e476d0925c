package org.carelog.api.queue;

import java.time.Instant;
import java.util.UUID;

/** The appointment a token was issued for at check-in: its id and its scheduled start, where it is seated in line. */
public record AppointmentReference(UUID appointmentId, Instant scheduledStart) {}
