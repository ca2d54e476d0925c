package org.carelog.api.scheduling;

import java.time.LocalTime;

/** A patient's preferred part of the day, by the facility's local time at the start of the slot. */
public enum TimeOfDay {
    MORNING(LocalTime.MIN, LocalTime.NOON),
    AFTERNOON(LocalTime.NOON, LocalTime.of(17, 0)),
    EVENING(LocalTime.of(17, 0), LocalTime.MAX);

    private final LocalTime from;
    private final LocalTime until;

    TimeOfDay(LocalTime from, LocalTime until) {
        this.from = from;
        this.until = until;
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(until);
    }
}
