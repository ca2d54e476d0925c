package org.carelog.projection.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.lab.LabEvent;
import org.carelog.api.lab.LabOrderCancelled;
import org.carelog.api.lab.LabOrderStatus;
import org.carelog.api.lab.LabResultCorrected;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabSampleCollected;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.projection.lab.LabOrderView.ResultVersion;

/**
 * The one rule that turns an order's events into its {@link LabOrderView}: the live projector applies it event
 * by event, and a chart reconstructed {@code asOf} an instant applies it to the events stored until then. Pure:
 * no clock, no storage.
 */
public final class LabOrderFold {

    private LabOrderFold() {}

    /**
     * The order after one more event.
     *
     * @param current the order so far; null before its {@link LabTestOrdered}
     * @param username who caused the event (its metadata)
     */
    public static LabOrderView apply(LabOrderView current, LabEvent event, Instant at, String username) {
        if (event instanceof LabTestOrdered e) {
            return new LabOrderView(
                    e.orderId().value(),
                    e.patientId().value(),
                    e.encounterId() == null ? null : e.encounterId().value(),
                    e.kind(),
                    e.code(),
                    e.name(),
                    e.priority(),
                    e.clinicalNote(),
                    LabOrderStatus.ORDERED,
                    username,
                    at,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    at);
        }
        if (current == null) {
            throw new IllegalStateException("lab order " + event.orderId() + " has events before it was ordered");
        }
        if (event instanceof LabSampleCollected e) {
            return current.collected(e.specimen(), username, at);
        }
        if (event instanceof LabResultEntered e) {
            return current.resulted(new ResultVersion(e.version(), e.result(), username, at, null, null, null), at);
        }
        if (event instanceof LabResultCorrected e) {
            return current.resulted(
                    new ResultVersion(e.version(), e.result(), username, at, e.reason(), null, null), at);
        }
        if (event instanceof LabResultVerified e) {
            return current.verified(e.version(), username, at);
        }
        if (event instanceof LabOrderCancelled e) {
            return current.cancelled(e.reason(), username, at);
        }
        return current;
    }

    /** A patient's orders from their recorded events (any order of types; lab events are picked), newest first. */
    public static List<LabOrderView> fold(Collection<RecordedEvent> events) {
        Map<UUID, LabOrderView> orders = new LinkedHashMap<>();
        events.stream()
                .sorted(Comparator.comparingLong(RecordedEvent::globalIndex))
                .forEach(recorded -> {
                    if (recorded.payload() instanceof LabEvent lab) {
                        orders.put(
                                lab.orderId().value(),
                                apply(orders.get(lab.orderId().value()), lab, recorded.at(), recorded.username()));
                    }
                });
        List<LabOrderView> newestFirst = new ArrayList<>(orders.values());
        newestFirst.sort(LabOrderFold.NEWEST_FIRST);
        return newestFirst;
    }

    /** The chart's order: newest order first, then by id so that equal times are stable. */
    public static final Comparator<LabOrderView> NEWEST_FIRST =
            Comparator.comparing(LabOrderView::orderedAt).reversed().thenComparing(LabOrderView::orderId);
}
