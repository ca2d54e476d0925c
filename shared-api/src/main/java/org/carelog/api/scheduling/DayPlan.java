package org.carelog.api.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a practitioner offers on one day: the sessions that apply, or why there are none. Pure: the
 * command side (booking) and the query side (available slots) both derive slots from it, so they
 * cannot disagree about which slots exist.
 */
public record DayPlan(LocalDate date, DayClosure closure, List<AvailabilitySession> sessions) {

    public DayPlan {
        sessions = closure == DayClosure.OPEN ? List.copyOf(sessions) : List.of();
    }

    /**
     * The plan for {@code date}. Leave closes the day whatever else applies; a one-off change (even an
     * empty one) replaces the weekly sessions and opens a holiday or the weekly off day on purpose;
     * otherwise a holiday and the weekly off day close it, and the weekly sessions of that day of the
     * week apply.
     *
     * @param oneOff the sessions of a one-off change of that date, or null when there is none
     */
    public static DayPlan of(
            LocalDate date,
            List<AvailabilitySession> weekly,
            List<AvailabilitySession> oneOff,
            boolean onLeave,
            boolean holiday,
            DayOfWeek offDay) {
        if (onLeave) {
            return new DayPlan(date, DayClosure.ON_LEAVE, List.of());
        }
        if (oneOff != null) {
            return new DayPlan(date, DayClosure.OPEN, oneOff);
        }
        if (holiday) {
            return new DayPlan(date, DayClosure.HOLIDAY, List.of());
        }
        if (date.getDayOfWeek() == offDay) {
            return new DayPlan(date, DayClosure.OFF_DAY, List.of());
        }
        return new DayPlan(
                date,
                DayClosure.OPEN,
                weekly.stream()
                        .filter(s -> s.days().contains(date.getDayOfWeek()))
                        .toList());
    }

    /** Every slot of the day in time order. */
    public List<Slot> slots(ZoneId zone) {
        return sessions.stream()
                .flatMap(s -> s.slotsOn(date, zone).stream())
                .sorted(Comparator.comparing(Slot::start))
                .toList();
    }

    /** The slot that starts at {@code start}, if the day has one. */
    public Optional<Slot> slotAt(Instant start, ZoneId zone) {
        return slots(zone).stream().filter(s -> s.start().equals(start)).findFirst();
    }
}
