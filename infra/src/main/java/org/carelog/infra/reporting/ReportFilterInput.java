package org.carelog.infra.reporting;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A report filter as a client sends it: the GraphQL input {@code ReportFilterInput} and, with the same names, the
 * query parameters of every CSV export ({@code ?from=2026-11-01&to=2026-11-30&departmentId=...}).
 */
record ReportFilterInput(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String facility,
        String departmentId,
        String practitionerId,
        String servicePointId) {

    /** Checked against this deployment's facility code; VALIDATION for a missing, reversed or too long range. */
    ReportFilter parse(String configuredFacility) {
        return ReportFilter.parse(from, to, facility, configuredFacility, departmentId, practitionerId, servicePointId);
    }
}
