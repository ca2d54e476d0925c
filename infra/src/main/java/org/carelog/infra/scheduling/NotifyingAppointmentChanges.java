package org.carelog.infra.scheduling;

import org.carelog.projection.scheduling.AppointmentChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every Carelog process on the database that a practitioner's day changed: a PostgreSQL NOTIFY in
 * the projector's transaction, delivered only if (and when) it commits, so a listener never reads a
 * calendar older than the notice.
 */
@Component
class NotifyingAppointmentChanges implements AppointmentChanges {

    static final String CHANNEL = "carelog_appointments";

    private final JdbcTemplate jdbc;

    NotifyingAppointmentChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void changed(Day day) {
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, day.practitionerId() + "_" + day.date());
    }
}
