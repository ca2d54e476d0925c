package org.carelog.query.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * Notices that a practitioner's day changed in the calendar read model, from any Carelog process on the
 * database (infra listens to PostgreSQL). A notice arrives after the change is committed, so reading
 * the calendar then shows it.
 */
public interface AppointmentFeed {

    /** One practitioner's day whose calendar changed. */
    record DayChanged(UUID practitionerId, LocalDate date) {}

    /** Every notice from now on, to every subscriber. */
    Flux<DayChanged> changes();
}
