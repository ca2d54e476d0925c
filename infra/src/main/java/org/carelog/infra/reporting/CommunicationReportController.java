package org.carelog.infra.reporting;

import org.carelog.infra.config.FacilityProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The communication report for managers (administrators) and auditors. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class CommunicationReportController {

    private final CommunicationReports reports;
    private final FacilityProperties facility;

    CommunicationReportController(CommunicationReports reports, FacilityProperties facility) {
        this.reports = reports;
        this.facility = facility;
    }

    @QueryMapping
    CommunicationReports.CommunicationReport communicationReport(@Argument ReportFilterInput filter) {
        return reports.report(filter.parse(facility.mrnPrefix()));
    }
}
