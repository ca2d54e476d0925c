package org.carelog.query.clinical;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.common.CarelogException;
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
    private final Clock clock;

    PatientChartQueries(QueryGateway queries, ClinicalAccessLog accessLog, Clock clock) {
        this.queries = queries;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE', 'AUDITOR')")
    PatientChartView patientChart(
            @Argument String patientId, @Argument OffsetDateTime asOf, DataFetchingEnvironment env) {
        PatientId patient = PatientId.parse("patientId", patientId);
        if (asOf != null && asOf.toInstant().isAfter(clock.instant())) {
            throw CarelogException.validation("asOf", "must not be in the future");
        }
        PatientSummary summary = queries.query(new FindPatient(patient), ResponseTypes.instanceOf(PatientSummary.class))
                .join();
        if (summary == null) {
            return null;
        }
        accessLog.recordRead(patient, asOf == null ? "chart" : "chart.asOf", env);
        if (asOf != null && asOf.toInstant().isBefore(summary.registeredAt())) {
            return null; // the patient was not registered yet: there was no chart (the attempt is logged)
        }
        return new PatientChartView(patient, asOf == null ? null : asOf.toInstant());
    }

    @SchemaMapping(typeName = "PatientChart", field = "patientId")
    String patientId(PatientChartView chart) {
        return chart.patientId().toString();
    }

    /** DateTime is an OffsetDateTime in GraphQL; the view holds an Instant. */
    @SchemaMapping(typeName = "PatientChart", field = "asOf")
    OffsetDateTime asOf(PatientChartView chart) {
        return chart.asOf() == null
                ? null
                : chart.asOf().atZone(clock.getZone()).toOffsetDateTime();
    }
}
