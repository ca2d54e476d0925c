package org.carelog.projection.practitioner;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.practitioner.ServicePointAdded;
import org.carelog.api.practitioner.ServicePointClosed;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.practitioner.ServicePointRenamed;
import org.springframework.stereotype.Component;

/** Builds the service point directory. Idempotent: a redelivered event leaves the row as it is. */
@Component
@ReadModelTables({"service_point_directory"})
@ProcessingGroup(ServicePointDirectoryProjector.PROCESSING_GROUP)
class ServicePointDirectoryProjector {

    static final String PROCESSING_GROUP = "service-point-directory";

    private final ServicePointDirectoryRepository directory;

    ServicePointDirectoryProjector(ServicePointDirectoryRepository directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ServicePointAdded event, @Timestamp Instant at) {
        if (directory.existsById(event.servicePointId().value())) {
            return;
        }
        directory.save(ServicePointDirectoryEntry.added(
                event.servicePointId().value(),
                event.departmentId().value(),
                event.code().value(),
                event.name(),
                event.kind(),
                at));
    }

    @EventHandler
    void on(ServicePointRenamed event, @Timestamp Instant at) {
        entry(event.servicePointId()).name(event.name(), at);
    }

    @EventHandler
    void on(ServicePointClosed event, @Timestamp Instant at) {
        entry(event.servicePointId()).close(at);
    }

    private ServicePointDirectoryEntry entry(ServicePointId id) {
        return directory
                .findById(id.value())
                .orElseThrow(() -> new IllegalStateException("service point " + id + " is not in the directory"));
    }

    @ResetHandler
    void reset() {
        directory.deleteAllInBatch();
    }
}
