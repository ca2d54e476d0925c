package org.carelog.infra.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the patient record index: a row (patient, global index) for every event whose payload is a
 * {@link PatientRecordEvent}, whichever aggregate, saga or handler appended it. A <em>subscribing</em> processor
 * (application.yml): Axon calls it while the events are committed, after the store's insert and in the same
 * transaction, so an event is stored with its index row or not at all. The JDBC engine gives the global index
 * only in the database, so the row is read back by the event's identifier (unique, indexed). Subscribing
 * processors are never replayed: a replay of the tracking projections appends nothing and needs no index rows.
 */
@Component
@ReadModelTables({"patient_record_index"})
@ProcessingGroup(PatientRecordIndexer.PROCESSING_GROUP)
class PatientRecordIndexer {

    static final String PROCESSING_GROUP = "patient-record-index";

    private final JdbcTemplate jdbc;

    PatientRecordIndexer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PatientRecordEvent event, EventMessage<?> message) {
        jdbc.update(
                "insert into patient_record_index (patient_id, global_index)"
                        + " select ?, globalindex from domainevententry where eventidentifier = ?"
                        + " on conflict do nothing",
                event.patientId().value(),
                message.getIdentifier());
    }
}
