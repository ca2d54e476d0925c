package org.carelog.infra.clinical;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.common.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The attending clinician of an encounter is in the patient's care from its opening on, with no end: the doctor
 * who treated a patient reads their chart at follow-ups without break-glass (table {@code care_relationship},
 * checked by every clinical read). Written in the opening's own transaction (the subscribing
 * {@code encounter-lookup} group), so the attending doctor can read the chart the moment the encounter exists.
 */
@Component
@ReadModelTables({"care_relationship"})
@ProcessingGroup("encounter-lookup")
class EncounterCareRelationships {

    private final JdbcTemplate jdbc;

    EncounterCareRelationships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EncounterOpened event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "insert into care_relationship (patient_id, practitioner_id, source, since, until)"
                        + " values (?, ?, 'encounter', ?, null) on conflict (patient_id, practitioner_id, source)"
                        + " do update set since = least(care_relationship.since, excluded.since), until = null",
                event.patientId().value(),
                event.attending().value(),
                // The event store keeps timestamps to the millisecond: the time as a replay will see it.
                Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS)));
    }
}
