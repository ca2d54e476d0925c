package org.carelog.infra.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.carelog.api.clinical.PatientRecordEvent;

/** Rows of domainevententry as Axon's own entries, so the event serializer and upcasters read them as Axon would. */
final class StoredEvents {

    static final String COLUMNS = "e.globalindex, e.type, e.aggregateidentifier, e.sequencenumber, e.eventidentifier,"
            + " e.timestamp, e.payloadtype, e.payloadrevision, e.payload, e.metadata";

    private static final Map<String, Boolean> RECORD_EVENT_TYPES = new ConcurrentHashMap<>();

    private StoredEvents() {}

    /** The global index of a message read from {@link #entry}. */
    static long globalIndex(TrackedEventMessage<?> message) {
        return ((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex();
    }

    /** The event in the current row; its tracking token carries the global index. */
    static TrackedDomainEventData<byte[]> entry(ResultSet rs) throws SQLException {
        return new TrackedDomainEventData<>(
                new GlobalSequenceTrackingToken(rs.getLong("globalindex")),
                new GenericDomainEventEntry<>(
                        rs.getString("type"),
                        rs.getString("aggregateidentifier"),
                        rs.getLong("sequencenumber"),
                        rs.getString("eventidentifier"),
                        rs.getString("timestamp"),
                        rs.getString("payloadtype"),
                        rs.getString("payloadrevision"),
                        rs.getBytes("payload"),
                        rs.getBytes("metadata")));
    }

    /** Whether a stored payload type names a class that is a record event (unknown classes are not). */
    static boolean isRecordEventType(String payloadType) {
        return RECORD_EVENT_TYPES.computeIfAbsent(payloadType, type -> {
            try {
                return PatientRecordEvent.class.isAssignableFrom(
                        Class.forName(type, false, StoredEvents.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }
}
