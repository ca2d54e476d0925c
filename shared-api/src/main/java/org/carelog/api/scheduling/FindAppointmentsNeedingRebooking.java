package org.carelog.api.scheduling;

import java.time.Instant;

/** Booked appointments flagged for rebooking, soonest first, at most {@code limit}, after a previous page. */
public record FindAppointmentsNeedingRebooking(Instant afterStart, int limit) {}
