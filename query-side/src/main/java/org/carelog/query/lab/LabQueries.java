package org.carelog.query.lab;

import graphql.schema.DataFetchingEnvironment;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.carelog.api.common.CarelogException;
import org.carelog.api.lab.LabOrderId;
import org.carelog.api.lab.LabOrderStatus;
import org.carelog.api.patient.PatientId;
import org.carelog.projection.lab.LabOrderFold;
import org.carelog.projection.lab.LabOrderStore;
import org.carelog.projection.lab.LabOrderView;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.carelog.query.clinical.PatientChartView;
import org.carelog.query.clinical.PatientHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lab and imaging orders and results: one order, the laboratory's worklist, and the chart's results section
 * (as it is, or as it was at an instant, folded from the stored events). Every read is access-logged per
 * patient before it is returned.
 */
@Controller
class LabQueries {

    static final int MAX_WORKLIST = 200;
    static final Set<LabOrderStatus> PENDING =
            EnumSet.of(LabOrderStatus.ORDERED, LabOrderStatus.COLLECTED, LabOrderStatus.RESULTED);

    private final LabOrderStore store;
    private final ClinicalAccessLog accessLog;
    private final ObjectProvider<PatientHistory> history;

    LabQueries(LabOrderStore store, ClinicalAccessLog accessLog, ObjectProvider<PatientHistory> history) {
        this.store = store;
        this.accessLog = accessLog;
        this.history = history;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE', 'LAB_TECHNICIAN', 'AUDITOR')")
    @Transactional
    LabOrderView labOrder(@Argument String id, DataFetchingEnvironment env) {
        LabOrderView order = store.find(LabOrderId.parse("id", id).value()).orElse(null);
        if (order != null) {
            accessLog.recordRead(new PatientId(order.patientId()), "labOrder", env);
        }
        return order;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE', 'LAB_TECHNICIAN')")
    @Transactional
    List<LabOrderView> labWorklist(
            @Argument List<LabOrderStatus> statuses, @Argument Integer first, DataFetchingEnvironment env) {
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_WORKLIST) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_WORKLIST);
        }
        Set<LabOrderStatus> wanted = statuses == null || statuses.isEmpty() ? PENDING : EnumSet.copyOf(statuses);
        List<LabOrderView> orders = store.worklist(wanted, limit);
        Set<PatientId> patients = new LinkedHashSet<>();
        orders.forEach(o -> patients.add(new PatientId(o.patientId())));
        patients.forEach(p -> accessLog.recordRead(p, "labWorklist", env));
        return orders;
    }

    @SchemaMapping(typeName = "PatientChart", field = "labResults")
    @Transactional
    List<LabOrderView> labResults(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(
                chart.patientId(), chart.asOf() == null ? "chart.labResults" : "chart.asOf.labResults", env);
        if (chart.asOf() == null) {
            return store.ofPatient(chart.patientId().value());
        }
        PatientHistory events = history.getIfAvailable();
        if (events == null) {
            throw new IllegalStateException("no patient history to reconstruct the chart from");
        }
        return LabOrderFold.fold(events.eventsUntil(chart.patientId(), chart.asOf()));
    }

    @SchemaMapping(typeName = "LabOrder", field = "abnormal")
    boolean abnormal(LabOrderView order) {
        return order.abnormal();
    }

    @SchemaMapping(typeName = "LabOrder", field = "verifiedVersion")
    LabOrderView.ResultVersion verifiedVersion(LabOrderView order) {
        return order.verifiedVersion();
    }
}
