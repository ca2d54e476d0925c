package org.carelog.api.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.carelog.api.practitioner.ServicePointId;

/**
 * One bookable period of a practitioner's day, derived from availability (never stored by itself).
 *
 * @param localStart the facility's wall-clock time at {@code start}
 * @param walkInPlaces places kept for walk-ins: appointments may fill {@code capacity - walkInPlaces}
 */
public record Slot(
        ServicePointId servicePointId,
        Instant start,
        Instant end,
        LocalTime localStart,
        int capacity,
        int walkInPlaces,
        Set<AppointmentType> types) {

    /** Places that booked (not walk-in) appointments may take. */
    public int appointmentPlaces() {
        return capacity - walkInPlaces;
    }

    /** Whether one more booking fits, given the bookings it already holds. */
    public boolean fits(boolean walkIn, int bookedAppointments, int bookedWalkIns) {
        int total = bookedAppointments + bookedWalkIns;
        return total < capacity && (walkIn || bookedAppointments < appointmentPlaces());
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
