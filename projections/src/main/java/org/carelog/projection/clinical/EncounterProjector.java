package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.carelog.api.clinical.ClinicalNoteAmended;
import org.carelog.api.clinical.ClinicalNoteWritten;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisResolved;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.EncounterEvent;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.clinical.VitalSignsRecorded;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.springframework.stereotype.Component;

/**
 * Builds the encounter read model (encounters, note versions, vital signs, diagnoses) with the rules of {@link
 * EncounterChanges}. The changes of a batch are collected and written in JDBC batches just before the batch (and
 * its token) commits. Idempotent: rows are inserted once and statuses set, so a redelivered batch changes nothing.
 */
@Component
@ReadModelTables({"encounter_view", "encounter_note_version", "encounter_vitals", "encounter_diagnosis"})
@ProcessingGroup(EncounterProjector.PROCESSING_GROUP)
class EncounterProjector {

    static final String PROCESSING_GROUP = "clinical-encounters";

    private static final String PENDING = EncounterProjector.class.getName() + ".pending";

    private final EncounterReadModel tables;

    EncounterProjector(EncounterReadModel tables) {
        this.tables = tables;
    }

    @EventHandler
    void on(
            EncounterOpened event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    @EventHandler
    void on(
            ClinicalNoteWritten event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    @EventHandler
    void on(
            ClinicalNoteAmended event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    @EventHandler
    void on(
            VitalSignsRecorded event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    @EventHandler
    void on(
            DiagnosisRecorded event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    @EventHandler
    void on(
            DiagnosisResolved event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    @EventHandler
    void on(
            DiagnosisRetracted event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    @EventHandler
    void on(
            EncounterSigned event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        project(event, at, username, role);
    }

    private void project(EncounterEvent event, Instant at, String username, String role) {
        EncounterChanges.of(event, at, username, role).ifPresent(this::pending);
    }

    @EventHandler
    void on(PatientErased event) {
        flush();
        tables.erase(event.patientId().value());
    }

    @ResetHandler
    void reset() {
        tables.clear();
    }

    private void pending(EncounterChange change) {
        if (!CurrentUnitOfWork.isStarted()) {
            tables.apply(List.of(change));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<EncounterChange> pending = root.getOrComputeResource(PENDING, key -> {
            List<EncounterChange> fresh = new ArrayList<>();
            root.onPrepareCommit(u -> {
                tables.apply(List.copyOf(fresh));
                fresh.clear();
            });
            return fresh;
        });
        pending.add(change);
    }

    /** Writes what is pending now, so an erasure blanks rows of the same batch too. */
    private void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<EncounterChange> pending = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (pending != null && !pending.isEmpty()) {
                tables.apply(List.copyOf(pending));
                pending.clear();
            }
        }
    }
}
