package org.carelog.projection.patient;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.CommunicationConsentChanged;
import org.carelog.api.patient.PatientContactDetailsChanged;
import org.carelog.api.patient.PatientDemographicsChanged;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiersChanged;
import org.carelog.api.patient.PatientRegistered;
import org.springframework.stereotype.Component;

/**
 * Builds the patient directory. Idempotent: a redelivered registration leaves the row as it is. After a
 * patient's erasure their events still arrive (a replay) but without the personal parts, which are
 * null: those parts are skipped, and the erasure event blanks the row.
 */
@Component
@ReadModelTables({"patient_directory"})
@ProcessingGroup(PatientDirectoryProjector.PROCESSING_GROUP)
class PatientDirectoryProjector {

    static final String PROCESSING_GROUP = "patient-directory";

    private final PatientDirectoryRepository directory;

    PatientDirectoryProjector(PatientDirectoryRepository directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(PatientRegistered event, @Timestamp Instant at) {
        UUID id = event.patientId().value();
        if (directory.existsById(id)) {
            return;
        }
        PatientDirectoryEntry entry = PatientDirectoryEntry.registered(
                id, event.mrn().value(), event.mrn().sequence(), at);
        if (event.demographics() != null) {
            entry.demographics(event.demographics(), at);
        }
        if (event.identifiers() != null) {
            entry.identifiers(event.identifiers(), at);
        }
        if (event.contact() != null) {
            entry.contact(event.contact(), at);
        }
        entry.consent(event.consent(), at);
        directory.save(entry);
    }

    @EventHandler
    void on(PatientDemographicsChanged event, @Timestamp Instant at) {
        if (event.demographics() != null) {
            entry(event.patientId()).demographics(event.demographics(), at);
        }
    }

    @EventHandler
    void on(PatientIdentifiersChanged event, @Timestamp Instant at) {
        if (event.identifiers() != null) {
            entry(event.patientId()).identifiers(event.identifiers(), at);
        }
    }

    @EventHandler
    void on(PatientContactDetailsChanged event, @Timestamp Instant at) {
        if (event.contact() != null) {
            entry(event.patientId()).contact(event.contact(), at);
        }
    }

    @EventHandler
    void on(PatientErased event, @Timestamp Instant at) {
        entry(event.patientId()).erase(at);
    }

    @EventHandler
    void on(CommunicationConsentChanged event, @Timestamp Instant at) {
        entry(event.patientId()).consent(event.consent(), at);
    }

    @ResetHandler
    void reset() {
        directory.deleteAllInBatch();
    }

    private PatientDirectoryEntry entry(PatientId id) {
        return directory
                .findById(id.value())
                .orElseThrow(() -> new IllegalStateException("patient " + id + " is not in the directory"));
    }
}
