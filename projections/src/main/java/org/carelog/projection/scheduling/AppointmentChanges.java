package org.carelog.projection.scheduling;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Told of every change the calendar projector writes, so subscriptions of front-desk dashboards can be
 * notified once it commits. Infra's implementation tells every Carelog process (PostgreSQL NOTIFY in the
 * projector's transaction).
 */
public interface AppointmentChanges {

    /** A day of a practitioner whose calendar changed. */
    record Day(UUID practitionerId, LocalDate date) {}

    void changed(Day day);

    default void changed(AppointmentEntry entry) {
        changed(new Day(entry.practitionerId(), entry.scheduleDate()));
    }
}
