package org.carelog.projection.prescription;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.prescription.AllergyRecorded;
import org.carelog.api.prescription.AllergyStatusChanged;
import org.carelog.api.prescription.MedicationStopped;
import org.carelog.api.prescription.PrescriptionReplaced;
import org.carelog.api.prescription.PrescriptionSigned;
import org.springframework.stereotype.Component;

/**
 * Keeps each patient's medication chart: applies {@link MedicationChart#apply} to the stored document (the same
 * fold the chart {@code asOf} uses) and indexes prescriptions by id and verification reference. Sequenced per
 * patient (the chart is keyed by patient, its events come from several aggregates). Idempotent: the fold ignores
 * a redelivered event. An erased patient's chart is deleted.
 */
@Component
@ReadModelTables({"medication_chart", "prescription_index"})
@ProcessingGroup(MedicationChartProjector.PROCESSING_GROUP)
class MedicationChartProjector {

    public static final String PROCESSING_GROUP = "medication-chart";

    private final MedicationChartRepository charts;
    private final PrescriptionIndexRepository index;

    MedicationChartProjector(MedicationChartRepository charts, PrescriptionIndexRepository index) {
        this.charts = charts;
        this.index = index;
    }

    @EventHandler
    void on(
            AllergyRecorded event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        fold(event, at, username, role);
    }

    @EventHandler
    void on(
            AllergyStatusChanged event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        fold(event, at, username, role);
    }

    @EventHandler
    void on(
            PrescriptionSigned event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        fold(event, at, username, role);
        if (!index.existsById(event.prescriptionId().value())) {
            index.save(new PrescriptionIndexEntry(
                    event.prescriptionId().value(), event.patientId().value(), event.verificationReference()));
        }
    }

    @EventHandler
    void on(
            PrescriptionReplaced event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        fold(event, at, username, role);
    }

    @EventHandler
    void on(
            MedicationStopped event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        fold(event, at, username, role);
    }

    @EventHandler
    void on(PatientErased event) {
        charts.deleteById(event.patientId().value());
    }

    @ResetHandler
    void reset() {
        charts.deleteAllInBatch();
        index.deleteAllInBatch();
    }

    private void fold(PatientRecordEvent event, Instant at, String username, String role) {
        MedicationChartEntry entry = charts.findById(event.patientId().value())
                .orElseGet(() -> MedicationChartEntry.create(event.patientId().value()));
        MedicationChart next = MedicationChartCodec.read(entry.document()).apply(event, at, username, role);
        entry.document(MedicationChartCodec.write(next), at);
        charts.save(entry);
    }
}
