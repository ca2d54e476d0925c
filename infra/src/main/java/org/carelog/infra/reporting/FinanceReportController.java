package org.carelog.infra.reporting;

import java.util.List;
import org.carelog.infra.config.FacilityProperties;
import org.carelog.infra.reporting.FinanceReports.DepartmentRevenue;
import org.carelog.infra.reporting.FinanceReports.Deposits;
import org.carelog.infra.reporting.FinanceReports.Discounts;
import org.carelog.infra.reporting.FinanceReports.FinanceReportView;
import org.carelog.infra.reporting.FinanceReports.MethodRevenue;
import org.carelog.infra.reporting.FinanceReports.PractitionerRevenue;
import org.carelog.infra.reporting.FinanceReports.ReceivablesAgeing;
import org.carelog.infra.reporting.FinanceReports.Refunds;
import org.carelog.infra.reporting.FinanceReports.ServiceRevenue;
import org.carelog.infra.reporting.FinanceReports.Totals;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The finance report for managers (administrators), auditors and cashiers (BILLING, who read billing's own
 * revenue): the filter is parsed once, and each section is read only when the client asks for it.
 */
@Controller
@PreAuthorize(FinanceReportController.READERS)
class FinanceReportController {

    static final String READERS = "hasAnyRole('ADMIN', 'AUDITOR', 'BILLING')";

    private final FinanceReports reports;
    private final FacilityProperties facility;

    FinanceReportController(FinanceReports reports, FacilityProperties facility) {
        this.reports = reports;
        this.facility = facility;
    }

    @QueryMapping
    FinanceReportView financeReport(@Argument ReportFilterInput filter) {
        return new FinanceReportView(filter.parse(facility.mrnPrefix()));
    }

    @SchemaMapping(typeName = "FinanceReport", field = "totals")
    Totals totals(FinanceReportView report) {
        return reports.totals(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "byDepartment")
    List<DepartmentRevenue> byDepartment(FinanceReportView report) {
        return reports.byDepartment(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "byPractitioner")
    List<PractitionerRevenue> byPractitioner(FinanceReportView report) {
        return reports.byPractitioner(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "byService")
    List<ServiceRevenue> byService(FinanceReportView report) {
        return reports.byService(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "byPaymentMethod")
    List<MethodRevenue> byPaymentMethod(FinanceReportView report) {
        return reports.byPaymentMethod(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "deposits")
    Deposits deposits(FinanceReportView report) {
        return reports.deposits(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "discounts")
    Discounts discounts(FinanceReportView report) {
        return reports.discounts(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "refunds")
    Refunds refunds(FinanceReportView report) {
        return reports.refunds(report.filter());
    }

    @SchemaMapping(typeName = "FinanceReport", field = "receivables")
    ReceivablesAgeing receivables(FinanceReportView report) {
        return reports.receivables(report.filter());
    }
}
