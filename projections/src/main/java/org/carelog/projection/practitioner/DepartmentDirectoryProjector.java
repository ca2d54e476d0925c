package org.carelog.projection.practitioner;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.practitioner.DepartmentCreated;
import org.carelog.api.practitioner.DepartmentRenamed;
import org.springframework.stereotype.Component;

/** Builds the department directory. Idempotent: a redelivered creation leaves the row as it is. */
@Component
@ReadModelTables({"department_directory"})
@ProcessingGroup(DepartmentDirectoryProjector.PROCESSING_GROUP)
class DepartmentDirectoryProjector {

    static final String PROCESSING_GROUP = "department-directory";

    private final DepartmentDirectoryRepository directory;

    DepartmentDirectoryProjector(DepartmentDirectoryRepository directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(DepartmentCreated event, @Timestamp Instant at) {
        if (directory.existsById(event.departmentId().value())) {
            return;
        }
        directory.save(DepartmentDirectoryEntry.created(
                event.departmentId().value(), event.code().value(), event.name(), at));
    }

    @EventHandler
    void on(DepartmentRenamed event, @Timestamp Instant at) {
        directory
                .findById(event.departmentId().value())
                .orElseThrow(() ->
                        new IllegalStateException("department " + event.departmentId() + " is not in the directory"))
                .name(event.name(), at);
    }

    @ResetHandler
    void reset() {
        directory.deleteAllInBatch();
    }
}
