package org.carelog.projection.practitioner;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.BmdcRegistrationRenewed;
import org.carelog.api.practitioner.PractitionerFeesChanged;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerLanguagesChanged;
import org.carelog.api.practitioner.PractitionerQualificationsChanged;
import org.carelog.api.practitioner.PractitionerRegistered;
import org.carelog.api.practitioner.PractitionerSpecialtyChanged;
import org.carelog.api.practitioner.PractitionerTransferred;
import org.springframework.stereotype.Component;

/**
 * Builds the practitioner directory. Idempotent: a redelivered registration leaves the row as it is,
 * and every change sets values rather than adding to them.
 */
@Component
@ReadModelTables({"practitioner_directory"})
@ProcessingGroup(PractitionerDirectoryProjector.PROCESSING_GROUP)
class PractitionerDirectoryProjector {

    static final String PROCESSING_GROUP = "practitioner-directory";

    private final PractitionerDirectoryRepository directory;

    PractitionerDirectoryProjector(PractitionerDirectoryRepository directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(PractitionerRegistered event, @Timestamp Instant at) {
        if (directory.existsById(event.practitionerId().value())) {
            return;
        }
        PractitionerDirectoryEntry entry =
                PractitionerDirectoryEntry.registered(event.practitionerId().value(), event.name(), event.role(), at);
        entry.bmdc(event.bmdc(), at);
        entry.specialty(event.specialty(), at);
        entry.department(event.departmentId().value(), at);
        entry.languages(event.languages(), at);
        entry.qualifications(event.qualifications(), at);
        entry.fees(event.fees(), at);
        directory.save(entry);
    }

    @EventHandler
    void on(PractitionerFeesChanged event, @Timestamp Instant at) {
        entry(event.practitionerId()).fees(event.fees(), at);
    }

    @EventHandler
    void on(PractitionerSpecialtyChanged event, @Timestamp Instant at) {
        entry(event.practitionerId()).specialty(event.specialty(), at);
    }

    @EventHandler
    void on(PractitionerQualificationsChanged event, @Timestamp Instant at) {
        entry(event.practitionerId()).qualifications(event.qualifications(), at);
    }

    @EventHandler
    void on(PractitionerLanguagesChanged event, @Timestamp Instant at) {
        entry(event.practitionerId()).languages(event.languages(), at);
    }

    @EventHandler
    void on(PractitionerTransferred event, @Timestamp Instant at) {
        entry(event.practitionerId()).department(event.departmentId().value(), at);
    }

    @EventHandler
    void on(BmdcRegistrationRenewed event, @Timestamp Instant at) {
        entry(event.practitionerId()).bmdc(new BmdcRegistration(event.number(), event.expiresOn()), at);
    }

    @ResetHandler
    void reset() {
        directory.deleteAllInBatch();
    }

    private PractitionerDirectoryEntry entry(PractitionerId id) {
        return directory
                .findById(id.value())
                .orElseThrow(() -> new IllegalStateException("practitioner " + id + " is not in the directory"));
    }
}
