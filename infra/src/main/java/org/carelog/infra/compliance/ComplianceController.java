package org.carelog.infra.compliance;

import java.time.OffsetDateTime;
import org.carelog.infra.compliance.ComplianceReport.Filter;
import org.carelog.infra.compliance.ComplianceRows.Page;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The compliance reports over GraphQL, for auditors (the access log and break-glass alerts are in ClinicalAccessController). */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class ComplianceController {

    private final ComplianceReports reports;

    ComplianceController(ComplianceReports reports) {
        this.reports = reports;
    }

    record ComplianceFilter(String username, String patientId, OffsetDateTime from, OffsetDateTime to) {
        Filter filter() {
            return new Filter(username, patientId, from, to);
        }
    }

    @QueryMapping
    Page<ComplianceRows.PrivilegeChange> privilegeChanges(
            @Argument ComplianceFilter filter, @Argument Integer first, @Argument String after) {
        return reports.page(ComplianceReport.PRIVILEGE_CHANGES, filterOf(filter), first, after);
    }

    @QueryMapping
    Page<ComplianceRows.Erasure> erasures(
            @Argument ComplianceFilter filter, @Argument Integer first, @Argument String after) {
        return reports.page(ComplianceReport.ERASURES, filterOf(filter), first, after);
    }

    @QueryMapping
    Page<ComplianceRows.AccessRead> disclosures(
            @Argument ComplianceFilter filter, @Argument Integer first, @Argument String after) {
        return reports.page(ComplianceReport.DISCLOSURES, filterOf(filter), first, after);
    }

    @QueryMapping
    Page<ComplianceRows.BreakGlassUse> breakGlassUses(
            @Argument ComplianceFilter filter, @Argument Integer first, @Argument String after) {
        return reports.page(ComplianceReport.BREAK_GLASS, filterOf(filter), first, after);
    }

    @QueryMapping
    Page<ComplianceRows.PrivilegeChange> reportExports(
            @Argument ComplianceFilter filter, @Argument Integer first, @Argument String after) {
        return reports.page(ComplianceReport.REPORT_EXPORTS, filterOf(filter), first, after);
    }

    @QueryMapping
    Page<ComplianceRows.ClinicalAccessUser> clinicalAccessUsers(
            @Argument String username, @Argument Integer first, @Argument String after) {
        return reports.page(
                ComplianceReport.CLINICAL_ACCESS_USERS, new Filter(username, null, null, null), first, after);
    }

    private static Filter filterOf(ComplianceFilter filter) {
        return filter == null ? Filter.NONE : filter.filter();
    }
}
