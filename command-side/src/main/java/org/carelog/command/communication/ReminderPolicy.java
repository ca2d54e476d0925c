package org.carelog.command.communication;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * When reminders are due: appointment reminders this long before the start, follow-up reminders this many days
 * before the planned day at this local time.
 */
public record ReminderPolicy(
        List<Duration> appointmentOffsets, int followUpDaysBefore, LocalTime followUpAt, ZoneId zone) {

    public ReminderPolicy {
        appointmentOffsets = List.copyOf(appointmentOffsets);
        if (appointmentOffsets.stream().anyMatch(o -> o.isNegative() || o.isZero())) {
            throw new IllegalArgumentException("appointment reminder offsets must be positive");
        }
        if (followUpDaysBefore < 0) {
            throw new IllegalArgumentException("follow-up reminders cannot be due after the visit");
        }
    }
}
