package org.carelog.query.reference;

import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.reference.Catalogue;
import org.carelog.api.reference.CatalogueEntry;
import org.carelog.api.reference.ClassificationCode;
import org.carelog.api.reference.CodeSystem;
import org.carelog.api.reference.FindCatalogueEntry;
import org.carelog.api.reference.FindClassificationCode;
import org.carelog.api.reference.ListCatalogue;
import org.carelog.api.reference.ListReferenceReleases;
import org.carelog.api.reference.ReferenceRelease;
import org.carelog.api.reference.SearchCatalogue;
import org.carelog.api.reference.SearchClassification;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Reference lookups for clinicians, coders and the lab: diagnosis codes, lab tests, medicines, dose forms. */
@Controller
class ReferenceQueries {

    private static final String STAFF = "hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')";

    private final QueryGateway queries;

    ReferenceQueries(QueryGateway queries) {
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
    List<ReferenceRelease> referenceReleases() {
        return queries.query(new ListReferenceReleases(null), ResponseTypes.multipleInstancesOf(ReferenceRelease.class))
                .join();
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<CatalogueEntry> labTests(@Argument String text, @Argument Integer first) {
        return search(Catalogue.LOINC, text, first);
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    CatalogueEntry labTest(@Argument String code) {
        return find(Catalogue.LOINC, code);
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<CatalogueEntry> medicines(@Argument String text, @Argument Integer first) {
        return search(Catalogue.MEDICINE, text, first);
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    CatalogueEntry medicine(@Argument String code) {
        return find(Catalogue.MEDICINE, code);
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<CatalogueEntry> doseForms() {
        return queries.query(
                        new ListCatalogue(Catalogue.DOSE_FORM), ResponseTypes.multipleInstancesOf(CatalogueEntry.class))
                .join();
    }

    private List<CatalogueEntry> search(Catalogue catalogue, String text, Integer first) {
        return queries.query(
                        new SearchCatalogue(catalogue, text, first == null ? 20 : first),
                        ResponseTypes.multipleInstancesOf(CatalogueEntry.class))
                .join();
    }

    private CatalogueEntry find(Catalogue catalogue, String code) {
        return queries.query(new FindCatalogueEntry(catalogue, code), ResponseTypes.instanceOf(CatalogueEntry.class))
                .join();
    }
}
