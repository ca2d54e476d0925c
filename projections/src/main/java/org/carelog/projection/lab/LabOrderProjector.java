package org.carelog.projection.lab;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.lab.LabEvent;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.patient.PatientErased;
import org.springframework.stereotype.Component;

/**
 * Builds the lab orders read model with {@link LabOrderFold}. The orders a batch touches are read once, folded
 * in memory and written back in one JDBC batch before the batch commits (with its tracking token), so a replay
 * writes each order about once per batch rather than once per event. Idempotent: a redelivered batch starts
 * again from the rows as they were before it. An erased patient's orders are scrubbed to what a replay would
 * show once the key is gone.
 */
@Component
@ReadModelTables({"lab_order"})
@ProcessingGroup(LabOrderProjector.PROCESSING_GROUP)
class LabOrderProjector {

    static final String PROCESSING_GROUP = "lab-orders";

    private static final String BATCH = LabOrderProjector.class.getName() + ".batch";

    private final LabOrderStore store;

    LabOrderProjector(LabOrderStore store) {
        this.store = store;
    }

    @EventHandler
    void on(LabEvent event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.USERNAME) String username) {
        Map<UUID, LabOrderView> batch = batch();
        UUID id = event.orderId().value();
        LabOrderView current = batch.get(id);
        if (current == null && !(event instanceof LabTestOrdered)) {
            current = store.load(java.util.List.of(id)).get(id);
        }
        batch.put(id, LabOrderFold.apply(current, event, at, username));
        if (!CurrentUnitOfWork.isStarted()) {
            store.save(batch.values());
        }
    }

    @EventHandler
    void on(PatientErased event) {
        Map<UUID, LabOrderView> batch = batch();
        UUID patient = event.patientId().value();
        for (LabOrderView order : store.ofPatient(patient)) {
            batch.putIfAbsent(order.orderId(), order);
        }
        batch.replaceAll((id, order) -> order.patientId().equals(patient) ? order.erased() : order);
        if (!CurrentUnitOfWork.isStarted()) {
            store.save(batch.values());
        }
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    /** The orders this batch changed, written once before it commits. */
    private Map<UUID, LabOrderView> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Map<UUID, LabOrderView> changed = new LinkedHashMap<>();
            root.onPrepareCommit(u -> store.save(changed.values()));
            return changed;
        });
    }
}
