package org.carelog.query.prescription;

import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.prescription.FindMedicationChart;
import org.carelog.api.prescription.FindPrescription;
import org.carelog.api.prescription.FindPrescriptionByReference;
import org.carelog.api.prescription.MedicationChartView;
import org.carelog.api.prescription.PrescriptionSummary;
import org.carelog.projection.prescription.MedicationChart;
import org.carelog.projection.prescription.MedicationChartCodec;
import org.carelog.projection.prescription.MedicationChartRepository;
import org.carelog.projection.prescription.PrescriptionIndexEntry;
import org.carelog.projection.prescription.PrescriptionIndexRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the medication chart read model (one document per patient). */
@Component
class PrescriptionQueryHandler {

    private final MedicationChartRepository charts;
    private final PrescriptionIndexRepository index;

    PrescriptionQueryHandler(MedicationChartRepository charts, PrescriptionIndexRepository index) {
        this.charts = charts;
        this.index = index;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    MedicationChartView chart(FindMedicationChart query) {
        return charts.findById(query.patientId().value())
                .map(entry -> MedicationChartCodec.view(entry.document()))
                .orElseGet(() -> MedicationChart.empty().view());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    PrescriptionSummary prescription(FindPrescription query) {
        return index.findById(query.prescriptionId().value())
                .map(entry -> find(entry, query.prescriptionId().toString()))
                .orElse(null);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    PrescriptionSummary byReference(FindPrescriptionByReference query) {
        if (query.verificationReference() == null) {
            return null;
        }
        return index.findByVerificationReference(query.verificationReference())
                .map(entry -> find(entry, entry.getId().toString()))
                .orElse(null);
    }

    private PrescriptionSummary find(PrescriptionIndexEntry entry, String prescriptionId) {
        return charts.findById(entry.patientId())
                .map(chart -> MedicationChartCodec.read(chart.document())
                        .prescriptions()
                        .get(prescriptionId))
                .orElse(null);
    }
}
