package org.carelog.query.prescription;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.PatientId;
import org.carelog.api.prescription.AllergySummary;
import org.carelog.api.prescription.CurrentMedication;
import org.carelog.api.prescription.FindMedicationChart;
import org.carelog.api.prescription.FindPrescription;
import org.carelog.api.prescription.FormularyItem;
import org.carelog.api.prescription.MedicationChartView;
import org.carelog.api.prescription.PrescriptionId;
import org.carelog.api.prescription.PrescriptionSummary;
import org.carelog.api.prescription.SearchFormulary;
import org.carelog.projection.prescription.MedicationChart;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.carelog.query.clinical.PatientChartView;
import org.carelog.query.clinical.PatientHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The chart's allergies, prescriptions and current medications, one prescription, and the formulary. Each
 * clinical read is written to the access log before its data is returned. A chart read {@code asOf} an instant
 * folds the patient's history with the projector's own fold.
 */
@Controller
class PrescriptionQueries {

    static final String CLINICAL_READERS = "hasAnyRole('DOCTOR', 'NURSE', 'AUDITOR')";
    static final String STAFF = "hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')";

    private final QueryGateway queries;
    private final ClinicalAccessLog accessLog;
    private final ObjectProvider<PatientHistory> history;
    private final Clock clock;

    PrescriptionQueries(
            QueryGateway queries, ClinicalAccessLog accessLog, ObjectProvider<PatientHistory> history, Clock clock) {
        this.queries = queries;
        this.accessLog = accessLog;
        this.history = history;
        this.clock = clock;
    }

    @SchemaMapping(typeName = "PatientChart", field = "allergies")
    List<AllergySummary> allergies(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(chart.patientId(), "chart.allergies", env);
        return chart(chart).allergies();
    }

    @SchemaMapping(typeName = "PatientChart", field = "prescriptions")
    List<PrescriptionSummary> prescriptions(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(chart.patientId(), "chart.prescriptions", env);
        return chart(chart).prescriptions();
    }

    @SchemaMapping(typeName = "PatientChart", field = "currentMedications")
    List<CurrentMedication> currentMedications(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(chart.patientId(), "chart.currentMedications", env);
        LocalDate day =
                chart.asOf() == null ? LocalDate.now(clock) : LocalDate.ofInstant(chart.asOf(), clock.getZone());
        return MedicationChart.currentMedications(chart(chart), day);
    }

    @QueryMapping
    @PreAuthorize(CLINICAL_READERS)
    PrescriptionSummary prescription(@Argument String id, DataFetchingEnvironment env) {
        PrescriptionId prescription = PrescriptionId.parse("id", id);
        PrescriptionSummary found = queries.query(
                        new FindPrescription(prescription), ResponseTypes.instanceOf(PrescriptionSummary.class))
                .join();
        if (found == null) {
            return null;
        }
        accessLog.recordRead(PatientId.parse("patientId", found.patientId()), "prescription", env);
        return found;
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<FormularyItem> formulary(@Argument String text, @Argument Integer first) {
        if (text == null || text.strip().length() < 2) {
            throw CarelogException.validation("text", "at least 2 characters");
        }
        return queries.query(
                        new SearchFormulary(text, first == null ? 20 : first),
                        ResponseTypes.multipleInstancesOf(FormularyItem.class))
                .join();
    }

    /** Now from the read model; as of an instant by folding the patient's history with the projector's fold. */
    private MedicationChartView chart(PatientChartView chart) {
        if (chart.asOf() == null) {
            return queries.query(
                            new FindMedicationChart(chart.patientId()),
                            ResponseTypes.instanceOf(MedicationChartView.class))
                    .join();
        }
        PatientHistory events = history.getIfAvailable();
        if (events == null) {
            throw new IllegalStateException("the patient history reader is not available in this build");
        }
        MedicationChart folded = MedicationChart.empty();
        for (RecordedEvent e : events.eventsUntil(chart.patientId(), chart.asOf())) {
            folded = folded.apply(e.payload(), e.at(), e.username(), e.role());
        }
        return folded.view();
    }
}
