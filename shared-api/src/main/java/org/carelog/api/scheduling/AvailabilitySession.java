package org.carelog.api.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.carelog.api.common.Violations;
import org.carelog.api.practitioner.ServicePointId;

/**
 * A recurring block of a practitioner's time at one service point, such as Saturday to Thursday
 * 17:00-21:00 in chamber MED1, in slots of 15 minutes for 2 patients each, 20 % of places kept for
 * walk-ins, in person only. Times are the facility's local wall-clock times.
 *
 * @param days the days of the week it recurs; for a one-off change, the day of its date
 * @param walkInPercent share of each slot's places kept for walk-ins (rounded down to whole places)
 */
public record AvailabilitySession(
        ServicePointId servicePointId,
        Set<DayOfWeek> days,
        LocalTime start,
        LocalTime end,
        int slotMinutes,
        int capacity,
        int walkInPercent,
        Set<AppointmentType> types) {

    public static final int MAX_CAPACITY = 50;

    public AvailabilitySession {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        types = types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /** Records every problem of this session under {@code field} (such as {@code sessions[0]}). */
    public void check(String field, Violations violations, boolean needsDays) {
        if (servicePointId == null) {
            violations.reject(field + ".servicePointId", "is required");
        }
        if (needsDays && days.isEmpty()) {
            violations.reject(field + ".days", "at least one day is required");
        }
        if (start == null || end == null) {
            violations.reject(field + ".start", "start and end are required");
        } else if (!start.isBefore(end)) {
            violations.reject(field + ".end", "must be after the start");
        }
        if (slotMinutes < 5 || slotMinutes > 240) {
            violations.reject(field + ".slotMinutes", "must be between 5 and 240");
        } else if (start != null && end != null && start.isBefore(end) && slotCount() == 0) {
            violations.reject(field + ".slotMinutes", "is longer than the session");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            violations.reject(field + ".capacity", "must be between 1 and " + MAX_CAPACITY);
        }
        if (walkInPercent < 0 || walkInPercent > 100) {
            violations.reject(field + ".walkInPercent", "must be between 0 and 100");
        }
        if (types.isEmpty()) {
            violations.reject(field + ".types", "at least one appointment type is required");
        }
    }

    /** Places of each slot kept for walk-ins: the walk-in share of the capacity, rounded down. */
    public int walkInPlaces() {
        return capacity * walkInPercent / 100;
    }

    /** Whether it overlaps {@code other} in time on a common day of the week. */
    public boolean overlaps(AvailabilitySession other) {
        return days.stream().anyMatch(other.days::contains) && start.isBefore(other.end) && other.start.isBefore(end);
    }

    private int slotCount() {
        long minutes = java.time.Duration.between(start, end).toMinutes();
        return (int) (minutes / slotMinutes);
    }

    /**
     * This session's slots on {@code date}, converted to instants with the time-zone database of
     * {@code zone} (never a fixed offset). A local start time that does not exist that day (a
     * daylight-saving gap) has no slot; one that exists twice (clocks set back) takes the earlier
     * instant. A slot ends when the next would start, or at the session's end.
     */
    public List<Slot> slotsOn(LocalDate date, ZoneId zone) {
        List<Slot> slots = new ArrayList<>();
        int count = slotCount();
        for (int i = 0; i < count; i++) {
            LocalDateTime localStart = date.atTime(start.plusMinutes((long) i * slotMinutes));
            if (zone.getRules().getValidOffsets(localStart).isEmpty()) {
                continue; // in a gap: the wall clock skips this time
            }
            ZonedDateTime from = ZonedDateTime.ofLocal(localStart, zone, null);
            ZonedDateTime until = from.plusMinutes(slotMinutes);
            slots.add(new Slot(
                    servicePointId,
                    from.toInstant(),
                    until.toInstant(),
                    localStart.toLocalTime(),
                    capacity,
                    walkInPlaces(),
                    types));
        }
        return slots;
    }
}
