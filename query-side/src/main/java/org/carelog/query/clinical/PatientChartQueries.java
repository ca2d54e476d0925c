package org.carelog.query.clinical;

import graphql.schema.DataFetchingEnvironment;
import java.time.OffsetDateTime;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.patient.FindPatient;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientSummary;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The entry to a patient's chart; its sections are resolved by each clinical feature. */
@Controller
class PatientChartQueries {

    private final QueryGateway queries;
    private final ClinicalAccessLog accessLog;

    PatientChartQueries(QueryGateway queries, ClinicalAccessLog accessLog) {
        this.queries = queries;
        this.accessLog = accessLog;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE', 'AUDITOR')")
    PatientChartView patientChart(
            @Argument String patientId, @Argument OffsetDateTime asOf, DataFetchingEnvironment env) {
        PatientId patient = PatientId.parse("patientId", patientId);
        PatientSummary summary = queries.query(new FindPatient(patient), ResponseTypes.instanceOf(PatientSummary.class))
                .join();
        if (summary == null) {
            return null;
        }
        accessLog.recordRead(patient, asOf == null ? "chart" : "chart.asOf", env);
        return new PatientChartView(patient, asOf == null ? null : asOf.toInstant());
    }

    @SchemaMapping(typeName = "PatientChart", field = "patientId")
    String patientId(PatientChartView chart) {
        return chart.patientId().toString();
    }
}
