package org.carelog.projection.lab;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.lab.LabOrderStatus;

/**
 * The lab orders read model: each order's {@link LabOrderView}, with what lists filter and sort by. Written in
 * batches by the projector; read by the chart, the order's page and the laboratory's worklist. Implemented in
 * infra over table {@code lab_order}.
 */
public interface LabOrderStore {

    Optional<LabOrderView> find(UUID orderId);

    /** A patient's orders, newest first. */
    List<LabOrderView> ofPatient(UUID patientId);

    /** Orders in these states, most urgent first, then oldest first. */
    List<LabOrderView> worklist(Set<LabOrderStatus> statuses, int limit);

    /** The stored views of these orders (those that exist). */
    Map<UUID, LabOrderView> load(Collection<UUID> orderIds);

    /** Inserts or replaces these orders, in one batch. */
    void save(Collection<LabOrderView> views);

    void deleteAll();
}
