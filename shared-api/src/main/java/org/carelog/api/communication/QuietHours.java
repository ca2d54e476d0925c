package org.carelog.api.communication;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The local hours in which no reminder SMS is sent (for example 21:00 to 08:00 in Asia/Dhaka). A window whose
 * start equals its end is empty: no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        if (start == null || end == null || zone == null) {
            throw new IllegalArgumentException("quiet hours need a start, an end and a zone");
        }
    }

    /** True when {@code instant} falls inside the quiet hours (start inclusive, end exclusive). */
    public boolean contains(Instant instant) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** {@code instant} itself when it is allowed, otherwise the end of the quiet hours it falls in. */
    public Instant nextAllowed(Instant instant) {
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime end = local.toLocalDate().atTime(this.end).atZone(zone);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(this.end).atZone(zone);
        }
        return end.toInstant();
    }
}
