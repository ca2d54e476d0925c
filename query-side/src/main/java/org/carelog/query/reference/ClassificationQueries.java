package org.carelog.query.reference;

import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.reference.ClassificationCode;
import org.carelog.api.reference.ClassificationRelease;
import org.carelog.api.reference.CodeSystem;
import org.carelog.api.reference.FindClassificationCode;
import org.carelog.api.reference.ListClassificationReleases;
import org.carelog.api.reference.SearchClassification;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Diagnosis code lookup for clinicians and coders: search by code or words, one code, loaded releases. */
@Controller
class ClassificationQueries {

    private static final String STAFF = "hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')";

    private final QueryGateway queries;

    ClassificationQueries(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<ClassificationCode> diagnosisCodes(
            @Argument String text, @Argument CodeSystem system, @Argument Integer first) {
        return queries.query(
                        new SearchClassification(system, text, first == null ? 20 : first),
                        ResponseTypes.multipleInstancesOf(ClassificationCode.class))
                .join();
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    ClassificationCode diagnosisCode(@Argument CodeSystem system, @Argument String code) {
        return queries.query(
                        new FindClassificationCode(system == null ? CodeSystem.ICD11_MMS : system, code),
                        ResponseTypes.instanceOf(ClassificationCode.class))
                .join();
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<ClassificationRelease> classificationReleases() {
        return queries.query(
                        new ListClassificationReleases(null),
                        ResponseTypes.multipleInstancesOf(ClassificationRelease.class))
                .join();
    }
}
