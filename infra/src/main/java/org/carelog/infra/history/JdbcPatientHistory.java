package org.carelog.infra.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.patient.PatientId;
import org.carelog.query.clinical.PatientHistory;
import org.carelog.query.history.RecordHistoryPages;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A patient's record events straight from domainevententry, found through the patient record index: one query
 * (index join store, in global-index order), then one batch through the configured event serializer and upcaster
 * chain, so personal data is decrypted exactly as Axon decrypts it (an erased patient's components are null).
 * Events stored after {@code asOf} are dropped before they are deserialised.
 */
@Component
class JdbcPatientHistory implements PatientHistory, RecordHistoryPages {

    private static final String SELECT = "select " + StoredEvents.COLUMNS
            + " from patient_record_index i join domainevententry e on e.globalindex = i.global_index"
            + " where i.patient_id = ?";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    JdbcPatientHistory(
            JdbcTemplate jdbc,
            @Qualifier("eventSerializer") Serializer serializer,
            org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
    }

    @Override
    public List<RecordedEvent> eventsUntil(PatientId patient, Instant asOf) {
        List<TrackedDomainEventData<byte[]>> entries = new ArrayList<>();
        jdbc.query(
                SELECT + " order by i.global_index",
                rs -> {
                    TrackedDomainEventData<byte[]> entry = StoredEvents.entry(rs);
                    if (asOf == null || !entry.getTimestamp().isAfter(asOf)) {
                        entries.add(entry);
                    }
                },
                patient.value());
        return deserialise(entries);
    }

    @Override
    public List<RecordedEvent> after(PatientId patient, long afterGlobalIndex, int limit) {
        List<TrackedDomainEventData<byte[]>> entries = new ArrayList<>();
        jdbc.query(
                SELECT + " and i.global_index > ? order by i.global_index limit ?",
                rs -> {
                    TrackedDomainEventData<byte[]> entry = StoredEvents.entry(rs);
                    entries.add(entry);
                },
                patient.value(),
                afterGlobalIndex,
                limit);
        return deserialise(entries);
    }

    private List<RecordedEvent> deserialise(List<TrackedDomainEventData<byte[]>> entries) {
        List<RecordedEvent> recorded = new ArrayList<>(entries.size());
        try (Stream<TrackedEventMessage<?>> events =
                EventUtils.upcastAndDeserializeTrackedEvents(entries.stream(), serializer, upcasters)) {
            events.forEach(m -> {
                if (m.getPayload() instanceof PatientRecordEvent event) {
                    MetaData meta = m.getMetaData();
                    recorded.add(new RecordedEvent(
                            StoredEvents.globalIndex(m),
                            m.getTimestamp(),
                            event,
                            text(meta.get(MetadataKeys.USERNAME)),
                            text(meta.get(MetadataKeys.ROLE)),
                            text(meta.get(MetadataKeys.REQUEST_ID))));
                }
            });
        }
        return recorded;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
