package org.carelog.api.scheduling;

import java.time.LocalDate;
import java.util.Objects;
import org.carelog.api.practitioner.PractitionerId;

/**
 * One practitioner's schedule on one local day of the facility: the consistency boundary of that
 * day's slots and bookings. Stored as {@code <practitioner uuid>_<yyyy-mm-dd>}.
 */
public record DayScheduleId(PractitionerId practitionerId, LocalDate date) {

    public DayScheduleId {
        Objects.requireNonNull(practitionerId, "practitioner id is required");
        Objects.requireNonNull(date, "date is required");
    }

    public static DayScheduleId parse(String stored) {
        int split = stored.lastIndexOf('_');
        return new DayScheduleId(
                PractitionerId.of(stored.substring(0, split)), LocalDate.parse(stored.substring(split + 1)));
    }

    @Override
    public String toString() {
        return practitionerId + "_" + date;
    }
}
