package org.carelog.infra.history;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.carelog.api.clinical.PatientRecordEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds index rows for events stored before the index existed (or before an event type became a record event):
 * at the first start (no row in {@code patient_record_index_backfill}), it reads every event up to the store's
 * head of that moment whose payload type is a {@link PatientRecordEvent}, deserialises it through the event
 * serializer and upcasters, and inserts its row (idempotent). Events appended meanwhile are indexed by
 * {@link PatientRecordIndexer}. {@link #rebuild()} re-runs it over the whole store.
 */
@Component
class PatientRecordIndexBackfill {

    private static final Logger log = LoggerFactory.getLogger(PatientRecordIndexBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    PatientRecordIndexBackfill(
            JdbcTemplate jdbc,
            @Qualifier("eventSerializer") Serializer serializer,
            org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillIfPending() {
        if (Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from patient_record_index_backfill)", Boolean.class))) {
            return;
        }
        // events appended from now on are indexed by PatientRecordIndexer (already subscribed): overlap is harmless
        long through = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        long rows = backfill(through);
        jdbc.update(
                "insert into patient_record_index_backfill (id, through_index, completed_at) values (1, ?, now())"
                        + " on conflict do nothing",
                through);
        log.info("Patient record index: {} rows added for events stored before it existed", rows);
    }

    /** Indexes every record event of the whole store again (rows already there stay). Returns rows added. */
    long rebuild() {
        return backfill(jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class));
    }

    private long backfill(long throughIndex) {
        long after = 0;
        long added = 0;
        while (after < throughIndex) {
            List<TrackedDomainEventData<byte[]>> entries = new ArrayList<>();
            long[] last = {after};
            jdbc.query(
                    "select " + StoredEvents.COLUMNS + " from domainevententry e where e.globalindex > ?"
                            + " and e.globalindex <= ? order by e.globalindex limit ?",
                    rs -> {
                        last[0] = rs.getLong("globalindex");
                        if (StoredEvents.isRecordEventType(rs.getString("payloadtype"))) {
                            entries.add(StoredEvents.entry(rs));
                        }
                    },
                    after,
                    throughIndex,
                    BATCH);
            if (last[0] == after) {
                break;
            }
            after = last[0];
            List<Object[]> rows = new ArrayList<>();
            try (Stream<TrackedEventMessage<?>> events =
                    EventUtils.upcastAndDeserializeTrackedEvents(entries.stream(), serializer, upcasters)) {
                events.forEach(m -> {
                    if (m.getPayload() instanceof PatientRecordEvent event) {
                        rows.add(new Object[] {event.patientId().value(), StoredEvents.globalIndex(m)});
                    }
                });
            }
            if (!rows.isEmpty()) {
                added += jdbc.batchUpdate(
                                "insert into patient_record_index (patient_id, global_index) values (?, ?)"
                                        + " on conflict do nothing",
                                rows)
                        .length;
            }
        }
        return added;
    }
}
